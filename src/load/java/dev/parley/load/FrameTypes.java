package dev.parley.load;

/**
 * The server frame types the load tool acts on, as shared constants: {@link FrameScanner} returns these very
 * instances, so they compare with {@code ==} and the hot path allocates no string per frame.
 */
final class FrameTypes {

    static final String MESSAGE = "message";
    static final String ACK = "ack";
    static final String ERROR = "error";
    static final String READY = "ready";
    static final String PONG = "pong";

    private static final String[] KNOWN = {MESSAGE, ACK, ERROR, READY, PONG};

    private FrameTypes() {
    }

    static String of(CharSequence text, int start, int end, FrameScanner scanner) {
        int length = end - start;
        for (String known : KNOWN) {
            if (known.length() == length && regionEquals(text, start, known)) {
                return known;
            }
        }
        return scanner.string(start, end);
    }

    private static boolean regionEquals(CharSequence text, int start, String known) {
        for (int i = 0; i < known.length(); i++) {
            if (text.charAt(start + i) != known.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
