package dev.parley.realtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The members of rooms as a node receiving message events over Redis knows them: events carry a fingerprint of
 * their members ({@link MemberSetHash}) rather than the names, and the names come from here, read from the
 * database when the fingerprint differs from the one remembered (someone joined or left). When the database has
 * moved on again since the message was posted, its members now are the best there is: a newcomer's connection
 * drops a message older than their joining, and someone just removed misses one posted before they left.
 * Used by one delivery thread only: not thread-safe.
 */
final class RoomMembers {

    /** Rooms remembered, least recently used first out. */
    static final int MAX_ROOMS = 10_000;

    private record Known(long hash, List<String> members) {
    }

    private final Function<String, List<String>> database;
    private final Map<String, Known> rooms;
    private long reads;

    RoomMembers(Function<String, List<String>> database) {
        this(database, MAX_ROOMS);
    }

    RoomMembers(Function<String, List<String>> database, int maxRooms) {
        this.database = database;
        this.rooms = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > maxRooms;
            }
        };
    }

    /** The members of {@code room} whose fingerprint is {@code hash}, or as near as the database can say. */
    List<String> of(String room, long hash) {
        Known known = rooms.get(room);
        if (known != null && known.hash() == hash) {
            return known.members();
        }
        List<String> members = List.copyOf(database.apply(room));
        reads++;
        rooms.put(room, new Known(MemberSetHash.of(members), members));
        return members;
    }

    /** Reads from the database so far. */
    long reads() {
        return reads;
    }
}
