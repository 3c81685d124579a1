package dev.parley.realtime;

import java.util.List;
import java.util.Map;

/** The frames a client sends over {@code /ws}; see docs/protocol.md. Decoded by {@link FrameCodec}. */
sealed interface ClientFrame {

    /** {@code thread}: the message this one replies to in a thread, or null; {@code files}: uploads it takes. */
    record Send(String room, String clientId, String body, Long thread, List<String> files) implements ClientFrame {
    }

    /**
     * {@code rooms}: the last message id seen per room; {@code changes}: for some of those rooms, the last number of
     * their change log seen (empty when the client keeps no change log).
     */
    record Resume(Map<String, Long> rooms, Map<String, Long> changes) implements ClientFrame {
    }

    record Typing(String room) implements ClientFrame {
    }

    record Read(String room, long upTo) implements ClientFrame {
    }

    record Ping() implements ClientFrame {
    }
}
