package dev.parley.room;

import java.util.List;

/**
 * A room as the admin console lists it: {@code name} is absent for direct rooms, whose {@code people} are its
 * two members (a group's members are only counted here); {@code lastActivity} is when its newest message was
 * sent, absent while it has none.
 */
public record RoomSummary(String id, String kind, String name, long memberCount, List<String> people,
        String createdBy, String createdAt, String lastActivity) {
}
