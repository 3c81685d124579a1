package dev.parley.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The rooms of a seeded database with their message counts and id ranges, for picking what to request. */
final class SeededRooms {

    record RoomRange(String id, long messages, long firstId, long lastId) {
    }

    private final List<RoomRange> rooms;
    private final long[] cumulative;

    private SeededRooms(List<RoomRange> rooms) {
        this.rooms = List.copyOf(rooms);
        this.cumulative = new long[rooms.size()];
        long sum = 0;
        for (int i = 0; i < rooms.size(); i++) {
            sum += rooms.get(i).messages();
            cumulative[i] = sum;
        }
    }

    static SeededRooms read(BenchDatabase database) throws SQLException {
        List<RoomRange> rooms = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT room_id, COUNT(*), MIN(id), MAX(id) FROM messages "
                        + "GROUP BY room_id ORDER BY room_id")) {
            while (rows.next()) {
                rooms.add(new RoomRange(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        if (rooms.isEmpty()) {
            throw new IllegalStateException(database + " has no messages: run SeedMessages first");
        }
        return new SeededRooms(rooms);
    }

    List<RoomRange> all() {
        return rooms;
    }

    long messages() {
        return cumulative[cumulative.length - 1];
    }

    /** A room chosen with probability proportional to its messages, as reading follows where people talk. */
    RoomRange bySize(Random random) {
        long point = (long) (random.nextDouble() * messages());
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] <= point) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return rooms.get(low);
    }

    RoomRange any(Random random) {
        return rooms.get(random.nextInt(rooms.size()));
    }

    /** {@code count} different rooms, each drawn by size: the rooms a person in busy channels belongs to. */
    List<RoomRange> sampleBySize(int count, Random random) {
        Set<RoomRange> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(count, rooms.size())) {
            chosen.add(bySize(random));
        }
        return List.copyOf(chosen);
    }
}
