package dev.parley.room;

import java.util.List;

/**
 * A room as clients see it. {@code name}, {@code visibility}, {@code topic} (when set) and {@code archived} are
 * those of group rooms, absent for direct rooms; {@code lastMessageId}, {@code unread}, {@code mentions} (unread
 * messages calling on the caller by name or {@code @room}), {@code lastReadId}, {@code notifications} (the caller's
 * notification level), {@code hiddenUpTo} (a direct room the caller hid: hidden while its newest message is at
 * most this one) and {@code createdBy} appear in the room list. {@code changeSeq} is the number of the room's latest
 * change when it was read: where a client's {@code resume} asks for changes from.
 */
public record RoomView(String id, String kind, String name, String visibility, String topic, Boolean archived,
        List<String> members, Long lastMessageId, Long unread, Long mentions, Long lastReadId, String notifications,
        Long hiddenUpTo, String createdBy, long changeSeq) {

    static RoomView of(Room room, List<String> members) {
        return view(room, members, null, null, null, null, null, null, null);
    }

    static RoomView listed(Room room, List<String> members, long unread, long mentions, long lastReadId,
            String notifications, Long hiddenUpTo) {
        return view(room, members, room.lastMessageId(), unread, mentions, lastReadId, notifications, hiddenUpTo,
                room.createdBy());
    }

    /** What members' connections are told when a room appears, its members change, or its settings do. */
    static RoomView announced(Room room, List<String> members) {
        return view(room, members, room.lastMessageId(), null, null, null, null, null, room.createdBy());
    }

    private static RoomView view(Room room, List<String> members, Long lastMessageId, Long unread, Long mentions,
            Long lastReadId, String notifications, Long hiddenUpTo, String createdBy) {
        boolean group = room.kind() == RoomKind.GROUP;
        return new RoomView(room.id(), room.kind().wireName(), room.name(),
                group ? room.visibility().wireName() : null, room.topic(), group ? room.archived() : null, members,
                lastMessageId, unread, mentions, lastReadId, notifications, hiddenUpTo, createdBy,
                room.changeSeq());
    }
}
