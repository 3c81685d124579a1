package dev.parley.load;

/**
 * The client frames the load tool sends, written directly as JSON text: building a JSON-P object per message
 * would cost the tool CPU that the server on the same machine should have.
 */
final class ClientFrames {

    static final String PING = "{\"type\":\"ping\"}";

    private ClientFrames() {
    }

    static String send(String room, String clientId, String body) {
        StringBuilder frame = new StringBuilder(body.length() + room.length() + clientId.length() + 48)
                .append("{\"type\":\"send\",\"room\":");
        string(frame, room).append(",\"clientId\":");
        string(frame, clientId).append(",\"body\":");
        return string(frame, body).append('}').toString();
    }

    /** A reply in the thread of message {@code thread}. */
    static String reply(String room, String clientId, String body, long thread) {
        String frame = send(room, clientId, body);
        return frame.substring(0, frame.length() - 1) + ",\"thread\":" + thread + '}';
    }

    /** Appends {@code value} as a JSON string. */
    static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }
}
