package dev.parley.room;

import java.util.List;

/**
 * A room as clients see it. {@code name} is absent for direct rooms; {@code lastMessageId}, {@code unread},
 * {@code lastReadId} and {@code createdBy} appear in the room list.
 */
public record RoomView(String id, String kind, String name, List<String> members, Long lastMessageId, Long unread,
        Long lastReadId, String createdBy) {

    static RoomView of(Room room, List<String> members) {
        return new RoomView(room.id(), room.kind().wireName(), room.name(), members, null, null, null, null);
    }

    static RoomView listed(Room room, List<String> members, long unread, long lastReadId) {
        return new RoomView(room.id(), room.kind().wireName(), room.name(), members, room.lastMessageId(), unread,
                lastReadId, room.createdBy());
    }

    /** What members' connections are told when a room appears or its members change. */
    static RoomView announced(Room room, List<String> members) {
        return new RoomView(room.id(), room.kind().wireName(), room.name(), members, room.lastMessageId(), null,
                null, room.createdBy());
    }
}
