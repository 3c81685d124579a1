package dev.parley.room;

import java.util.List;

/**
 * A room as clients see it. {@code name} is absent for direct rooms; {@code lastMessageId} and {@code unread}
 * appear in the room list only.
 */
public record RoomView(String id, String kind, String name, List<String> members, Long lastMessageId, Long unread) {

    static RoomView of(Room room, List<String> members) {
        return new RoomView(room.id(), room.kind().wireName(), room.name(), members, null, null);
    }

    static RoomView listed(Room room, List<String> members, long unread) {
        return new RoomView(room.id(), room.kind().wireName(), room.name(), members, room.lastMessageId(), unread);
    }
}
