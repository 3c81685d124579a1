package dev.parley.realtime;

import dev.parley.message.MessageView;
import dev.parley.platform.ErrorCode;

/** The frames Parley sends over {@code /ws}; see docs/protocol.md. Encoded by {@link FrameCodec}. */
sealed interface ServerFrame {

    record Ready(String user) implements ServerFrame {
    }

    record Ack(String clientId, long id, String room, String sentAt) implements ServerFrame {
        static Ack of(MessageView message) {
            return new Ack(message.clientId(), message.id(), message.room(), message.sentAt());
        }
    }

    record Message(MessageView message) implements ServerFrame {
    }

    record Presence(String user, boolean online) implements ServerFrame {
    }

    record Typing(String room, String user) implements ServerFrame {
    }

    /** {@code clientId} is set when the error answers a {@code send}; {@code room} when it concerns one room. */
    record Error(ErrorCode code, String message, String clientId, String room) implements ServerFrame {
        static Error of(ErrorCode code, String message) {
            return new Error(code, message, null, null);
        }
    }

    record Pong() implements ServerFrame {
    }

    record Resumed() implements ServerFrame {
    }
}
