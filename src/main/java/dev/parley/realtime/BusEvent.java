package dev.parley.realtime;

import dev.parley.message.MessagePosted;
import jakarta.websocket.CloseReason;
import java.util.List;

/** What nodes tell each other over the {@link Bus}. Each node delivers it to its own open connections. */
sealed interface BusEvent {

    /** A new message: delivered in order, gap-checked, to every member's connections. */
    record MessageEvent(MessagePosted posted) implements BusEvent {
    }

    /**
     * This node fell so far behind the bus that it dropped events (see {@link RedisBus}): never sent between
     * nodes, only told to this node's subscriber, in order after the last event it did deliver. Every connection
     * must start over from the database.
     */
    record Missed(long dropped) implements BusEvent {
    }

    /**
     * Connections of the user must close with {@code code} and {@code reason}: all of them when an admin disabled
     * the account ({@code signInId} null), or those of one sign-in (signed out, expired, a revoked token).
     */
    record ShutOut(String user, String signInId, int code, String reason) implements BusEvent {

        static ShutOut of(String user, String signInId, CloseReason reason) {
            return new ShutOut(user, signInId, reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }

        CloseReason closeReason() {
            return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason);
        }
    }

    /** A frame for every connection, encoded once where it happened: someone changed their profile. */
    record Broadcast(String frame) implements BusEvent {
    }

    /** Someone came online or went offline: told to every connection. */
    record PresenceEvent(String user, boolean online) implements BusEvent {
    }

    /**
     * Any other frame for some users' connections, encoded once where it happened: edits, deletions, typing,
     * read markers, membership changes. {@code exceptConnection} (nullable) is left out, e.g. the typist's own
     * tab. When {@code joinedRoom} is set, each connection starts that room's live stream after
     * {@code joinedAfter} (the room's newest message when they joined), so ordering holds from their first message;
     * when {@code leftRoom} is set, connections forget that room, so nothing of it reaches them any more.
     */
    record Notice(List<String> users, String frame, String exceptConnection, String joinedRoom, long joinedAfter,
            String leftRoom) implements BusEvent {

        static Notice to(List<String> users, ServerFrame frame) {
            return new Notice(users, FrameCodec.encode(frame), null, null, 0, null);
        }

        static Notice toAllBut(String connection, List<String> users, ServerFrame frame) {
            return new Notice(users, FrameCodec.encode(frame), connection, null, 0, null);
        }

        static Notice joining(List<String> users, ServerFrame frame, String room, long newestMessageId) {
            return new Notice(users, FrameCodec.encode(frame), null, room, newestMessageId, null);
        }

        static Notice leaving(List<String> users, ServerFrame frame, String room) {
            return new Notice(users, FrameCodec.encode(frame), null, null, 0, room);
        }
    }
}
