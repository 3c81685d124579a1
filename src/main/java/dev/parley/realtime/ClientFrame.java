package dev.parley.realtime;

import java.util.List;
import java.util.Map;

/** The frames a client sends over {@code /ws}; see docs/protocol.md. Decoded by {@link FrameCodec}. */
sealed interface ClientFrame {

    /** {@code thread}: the message this one replies to in a thread, or null; {@code files}: uploads it takes. */
    record Send(String room, String clientId, String body, Long thread, List<String> files) implements ClientFrame {
    }

    record Resume(Map<String, Long> rooms) implements ClientFrame {
    }

    record Typing(String room) implements ClientFrame {
    }

    record Read(String room, long upTo) implements ClientFrame {
    }

    record Ping() implements ClientFrame {
    }
}
