package dev.parley.load;

/**
 * Reads the few fields the load tool needs from Parley's server frames without building a JSON tree: a
 * WebSocket text message is one frame object or, with {@code parley.batch}, an array of them, and the tool
 * receives tens of thousands per second on the machine it measures.
 *
 * <p>It walks the text once and reports, per top-level object, {@code type}, {@code id}, {@code room} (only
 * when it is a string), {@code clientId}, {@code code}, and the intended send time and sequence number of a
 * load-tool body ({@link LoadBody}). Nested objects and arrays are skipped; key order does not matter; string
 * escapes are honoured. Text that is not well-formed enough to walk throws {@link IllegalArgumentException}.
 */
final class FrameScanner {

    /** Receives each frame of a scanned message in order; the frame object is reused, copy what you keep. */
    interface Sink {
        void frame(ScannedFrame frame);
    }

    private final CharSequence text;
    private int at;

    private FrameScanner(CharSequence text) {
        this.text = text;
    }

    /** Scans one WebSocket text message: an object, or an array of objects. */
    static void scan(CharSequence text, ScannedFrame reuse, Sink sink) {
        FrameScanner scanner = new FrameScanner(text);
        scanner.skipSpace();
        char first = scanner.peek();
        if (first == '[') {
            scanner.at++;
            scanner.skipSpace();
            if (scanner.peek() == ']') {
                scanner.at++;
            } else {
                while (true) {
                    scanner.object(reuse, sink);
                    scanner.skipSpace();
                    char next = scanner.next();
                    if (next == ']') {
                        break;
                    }
                    if (next != ',') {
                        throw scanner.unexpected("',' or ']'");
                    }
                }
            }
        } else {
            scanner.object(reuse, sink);
        }
        scanner.skipSpace();
        if (scanner.at != text.length()) {
            throw scanner.unexpected("the end of the text");
        }
    }

    private void object(ScannedFrame frame, Sink sink) {
        skipSpace();
        if (next() != '{') {
            throw unexpected("'{'");
        }
        frame.reset();
        skipSpace();
        if (peek() == '}') {
            at++;
            sink.frame(frame);
            return;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw unexpected("a key");
            }
            int keyStart = at + 1;
            int keyEnd = skipString();
            skipSpace();
            if (next() != ':') {
                throw unexpected("':'");
            }
            skipSpace();
            value(frame, keyStart, keyEnd - keyStart);
            skipSpace();
            char next = next();
            if (next == '}') {
                break;
            }
            if (next != ',') {
                throw unexpected("',' or '}'");
            }
        }
        sink.frame(frame);
    }

    private void value(ScannedFrame frame, int keyStart, int keyLength) {
        char first = peek();
        if (first == '"') {
            int start = at + 1;
            int end = skipString();
            if (isKey("type", keyStart, keyLength)) {
                frame.type = FrameTypes.of(text, start, end, this);
            } else if (isKey("room", keyStart, keyLength)) {
                frame.room = string(start, end);
            } else if (isKey("clientId", keyStart, keyLength)) {
                frame.clientId = string(start, end);
            } else if (isKey("code", keyStart, keyLength)) {
                frame.code = string(start, end);
            } else if (isKey("body", keyStart, keyLength)) {
                LoadBody.read(text, start, end, frame);
            }
        } else if (first == '-' || (first >= '0' && first <= '9')) {
            int start = at;
            while (at < text.length() && "+-.eE0123456789".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (isKey("id", keyStart, keyLength)) {
                frame.id = wholeNumber(start, at);
            }
        } else if (first == '{' || first == '[') {
            skipNested();
        } else {
            int start = at;
            while (at < text.length() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            if (at == start) {
                throw unexpected("a value");
            }
        }
    }

    /** Skips a nested object or array, strings inside it included. */
    private void skipNested() {
        int depth = 0;
        do {
            char c = peek();
            if (c == '"') {
                skipString();
                continue;
            }
            at++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    /** Skips a string starting at the current quote; returns the index of its closing quote, now passed. */
    private int skipString() {
        at++;
        while (true) {
            char c = next();
            if (c == '\\') {
                at++;
            } else if (c == '"') {
                return at - 1;
            }
        }
    }

    private boolean isKey(String name, int keyStart, int keyLength) {
        if (keyLength != name.length()) {
            return false;
        }
        for (int i = 0; i < keyLength; i++) {
            if (text.charAt(keyStart + i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The string between two indexes, with JSON escapes decoded (the common case has none and is a copy). */
    String string(int start, int end) {
        StringBuilder decoded = null;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (decoded == null) {
                    decoded = new StringBuilder(end - start).append(text, start, i);
                }
                char escaped = text.charAt(++i);
                switch (escaped) {
                    case 'n' -> decoded.append('\n');
                    case 't' -> decoded.append('\t');
                    case 'r' -> decoded.append('\r');
                    case 'b' -> decoded.append('\b');
                    case 'f' -> decoded.append('\f');
                    case 'u' -> {
                        decoded.append((char) Integer.parseInt(text.subSequence(i + 1, i + 5).toString(), 16));
                        i += 4;
                    }
                    default -> decoded.append(escaped);
                }
            } else if (decoded != null) {
                decoded.append(c);
            }
        }
        return decoded == null ? text.subSequence(start, end).toString() : decoded.toString();
    }

    private long wholeNumber(int start, int end) {
        long value = 0;
        boolean negative = text.charAt(start) == '-';
        for (int i = negative ? start + 1 : start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return ScannedFrame.NO_ID;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw unexpected("more text");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private IllegalArgumentException unexpected(String expected) {
        String around = text.subSequence(Math.max(0, at - 20), Math.min(text.length(), at + 20)).toString();
        return new IllegalArgumentException("expected " + expected + " at " + at + " near: " + around);
    }
}
