package dev.parley.realtime;

import dev.parley.message.MessageView;
import dev.parley.message.ReactionView;
import dev.parley.platform.ErrorCode;
import dev.parley.room.RoomView;
import java.util.List;
import java.util.Map;

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

    /** Someone changed their display name, status line or picture ({@code status}, {@code avatar} null: none). */
    record Profile(String user, String displayName, String status, String avatar) implements ServerFrame {
    }

    record Typing(String room, String user) implements ServerFrame {
    }

    /** {@code clientId} is set when the error answers a {@code send}; {@code room} when it concerns one room. */
    record Error(ErrorCode code, String message, String clientId, String room) implements ServerFrame {
        static Error of(ErrorCode code, String message) {
            return new Error(code, message, null, null);
        }
    }

    /**
     * A message was edited or deleted: the client replaces it in place. {@code seq}: the change's number in the
     * room's change log.
     */
    record Changed(MessageView message, long seq) implements ServerFrame {
    }

    /** A message's reactions, all of them as they are now, after change {@code seq} of the room's change log. */
    record Reactions(String room, long id, List<ReactionView> reactions, long seq) implements ServerFrame {
    }

    /** A room appeared for the user, or its members or settings changed (its {@code changeSeq} says which change). */
    record Room(RoomView room) implements ServerFrame {
    }

    /** The user is no longer a member of the room. */
    record Removed(String room) implements ServerFrame {
    }

    /** The user chose, in another tab, what in the room calls for their attention. */
    record Notifications(String room, String level) implements ServerFrame {
    }

    /** The user hid a direct room in another tab ({@code hiddenUpTo}), or showed it again (null). */
    record Hidden(String room, Long hiddenUpTo) implements ServerFrame {
    }

    /** The user read up to {@code upTo} in another tab. */
    record Read(String room, long upTo) implements ServerFrame {
    }

    record Pong() implements ServerFrame {
    }

    /**
     * A resume is done. {@code changes}: for each room whose changes it was asked for, the number up to which every
     * change has been sent: replayed, or live (a change committed while the replay ran may come just after this).
     */
    record Resumed(Map<String, Long> changes) implements ServerFrame {
    }
}
