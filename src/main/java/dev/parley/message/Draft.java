package dev.parley.message;

import java.util.List;

/**
 * A message as its sender's client sent it, not checked yet: its room, the client's id for it, the text, the
 * message it replies to in a thread (or null) and the ids of files it takes (none: empty).
 */
public record Draft(String room, String clientId, String body, Long thread, List<String> files) {

    public Draft {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A plain message: text for the room, no thread, no files. */
    public static Draft of(String room, String clientId, String body) {
        return new Draft(room, clientId, body, null, List.of());
    }
}
