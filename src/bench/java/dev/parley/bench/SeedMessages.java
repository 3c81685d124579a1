package dev.parley.bench;

import dev.parley.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Creates a fresh benchmark database, migrated by the application's own Flyway scripts, and fills it with users,
 * rooms, memberships and messages as Parley itself would have stored them: message ids rise with time, each
 * message's {@code prev_id} is its room's previous message, {@code rooms.last_message_id} is the room's newest.
 *
 * <p>The data is the same on every run (fixed random seed, fixed clock). Rooms are busy unevenly (Zipf: the
 * busiest of 1,000 rooms holds about 13 % of the messages, the quietest about a hundred); nine rooms in ten are
 * groups of 3 to 30 members, the rest direct rooms of two.
 *
 * <pre>java ... dev.parley.bench.SeedMessages --db sqlite|postgres --messages 1000000 --rooms 1000 --users 200</pre>
 */
public final class SeedMessages {

    static final String USAGE = "SeedMessages --db sqlite|postgres --messages 1000000 --rooms 1000 --users 200";

    private static final long SEED = 20_261_125L;
    private static final long FIRST_MESSAGE_AT = Instant.parse("2024-01-01T08:00:00Z").toEpochMilli();
    private static final long MINUTE_MS = 60_000;
    private static final long DAY_MS = 24 * 60 * MINUTE_MS;
    private static final long AVERAGE_GAP_MS = MINUTE_MS;
    private static final double DIRECT_ROOM_SHARE = 0.1;
    private static final double EDITED_SHARE = 0.01;
    private static final double DELETED_SHARE = 0.003;
    private static final int BATCH = 10_000;
    private static final int ROWS_PER_TRANSACTION = 200_000;

    private final BenchDatabase database;
    private final int messageCount;
    private final int roomCount;
    private final int userCount;
    private final SplittableRandom random = new SplittableRandom(SEED);
    private final ChatText text = new ChatText();

    private SeedMessages(BenchDatabase database, int messageCount, int roomCount, int userCount) {
        this.database = database;
        this.messageCount = messageCount;
        this.roomCount = roomCount;
        this.userCount = userCount;
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args, USAGE);
        new SeedMessages(BenchDatabase.named(options.text("db", "sqlite")), options.number("messages", 1_000_000),
                options.number("rooms", 1_000), options.number("users", 200)).seed();
    }

    private void seed() throws Exception {
        if (userCount < 30 || roomCount < 1 || messageCount < 1) {
            throw new IllegalArgumentException("needs 1 room, 1 message and 30 users (a group has up to 30 members)");
        }
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "Seeding %s: %,d messages in %,d rooms of %,d users%n", database,
                messageCount, roomCount, userCount);
        createEmptyDatabase();
        long migrated = System.nanoTime();
        System.out.printf(Locale.ROOT, "  schema migrated by Flyway in %.1f s%n", seconds(started, migrated));

        List<String> users = users();
        List<PlannedRoom> rooms = rooms(users);
        try (Connection connection = database.connectForBulkLoad()) {
            BulkLoad bulkLoad = BulkLoad.prepare(connection, database);
            insertUsers(connection, users);
            insertRooms(connection, rooms);
            connection.commit();
            long loadStarted = System.nanoTime();
            insertMessages(connection, rooms);
            long messagesLoaded = System.nanoTime();
            System.out.printf(Locale.ROOT, "  %,d messages inserted in %.1f s: %,.0f rows/s%n", messageCount,
                    seconds(loadStarted, messagesLoaded), messageCount / seconds(loadStarted, messagesLoaded));
            int memberships = insertMemberships(connection, rooms);
            recordNewestMessages(connection, rooms);
            connection.commit();
            long finishing = System.nanoTime();
            bulkLoad.finish();
            System.out.printf(Locale.ROOT, "  %s in %.1f s%n", bulkLoad.finishing(),
                    seconds(finishing, System.nanoTime()));
            long rows = users.size() + rooms.size() + memberships + (long) messageCount;
            long finished = System.nanoTime();
            System.out.printf(Locale.ROOT,
                    "Seeded %,d rows (%,d users, %,d rooms, %,d memberships, %,d messages) in %.1f s: %,.0f rows/s "
                            + "overall; %s on disk%n",
                    rows, users.size(), rooms.size(), memberships, messageCount, seconds(started, finished),
                    rows / seconds(started, finished), megabytes(database.sizeOnDisk()));
            printBusiestRooms(rooms);
        }
    }

    private void createEmptyDatabase() throws Exception {
        if (database.isSqlite()) {
            Files.createDirectories(database.file().getParent());
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(database.file() + suffix));
            }
        } else {
            TestServices.freshPostgresSchema(BenchDatabase.POSTGRES_SCHEMA);
        }
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.user() == null ? null : "")
                .locations(database.migrationLocation())
                .load()
                .migrate();
    }

    private List<String> users() {
        List<String> users = new ArrayList<>(userCount);
        for (int i = 1; i <= userCount; i++) {
            users.add(String.format(Locale.ROOT, "%s.%03d", Names.FIRST[i % Names.FIRST.length], i));
        }
        return users;
    }

    /** Plans the rooms and their members; a room's share of the messages follows Zipf's law over a random order. */
    private List<PlannedRoom> rooms(List<String> users) {
        List<Integer> ranks = new ArrayList<>();
        for (int rank = 1; rank <= roomCount; rank++) {
            ranks.add(rank);
        }
        Collections.shuffle(ranks, new java.util.Random(SEED));
        Set<String> directKeys = new HashSet<>();
        List<PlannedRoom> rooms = new ArrayList<>(roomCount);
        for (int i = 0; i < roomCount; i++) {
            long createdAt = FIRST_MESSAGE_AT - DAY_MS * 30 + i * MINUTE_MS;
            double weight = 1.0 / ranks.get(i);
            if (random.nextDouble() < DIRECT_ROOM_SHARE) {
                String[] pair = directPair(users, directKeys);
                rooms.add(new PlannedRoom(roomId(), "direct", null, pair[0] + "|" + pair[1], pair[0], createdAt,
                        weight, List.of(pair)));
            } else {
                List<String> members = new ArrayList<>(users);
                Collections.shuffle(members, new java.util.Random(random.nextLong()));
                members = List.copyOf(members.subList(0, random.nextInt(3, 31)));
                rooms.add(new PlannedRoom(roomId(), "group", groupName(i), null, members.get(0), createdAt, weight,
                        members));
            }
        }
        return rooms;
    }

    private String[] directPair(List<String> users, Set<String> taken) {
        while (true) {
            String one = users.get(random.nextInt(users.size()));
            String other = users.get(random.nextInt(users.size()));
            String[] pair = one.compareTo(other) <= 0 ? new String[] {one, other} : new String[] {other, one};
            if (!one.equals(other) && taken.add(pair[0] + "|" + pair[1])) {
                return pair;
            }
        }
    }

    /** Like the application's room ids: 12 random bytes, URL-safe Base64, 16 characters. */
    private String roomId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String groupName(int index) {
        List<String> words = ChatText.VOCABULARY.subList(50, ChatText.VOCABULARY.size());
        return words.get(random.nextInt(words.size())) + "-" + words.get(random.nextInt(words.size())) + "-" + index;
    }

    private void insertUsers(Connection connection, List<String> users) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (username, display_name, password_hash, created_at) VALUES (?, ?, NULL, ?)")) {
            for (String user : users) {
                insert.setString(1, user);
                insert.setString(2, Names.displayName(user));
                insert.setLong(3, FIRST_MESSAGE_AT - DAY_MS * 60);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertRooms(Connection connection, List<PlannedRoom> rooms) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rooms (id, kind, name, direct_key, "
                + "created_by, created_at, last_message_id) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            for (PlannedRoom room : rooms) {
                insert.setString(1, room.id);
                insert.setString(2, room.kind);
                insert.setString(3, room.name);
                insert.setString(4, room.directKey);
                insert.setString(5, room.createdBy);
                insert.setLong(6, room.createdAt);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** In the order Parley would have stored them: ids and times rising, each room's messages chained. */
    private void insertMessages(Connection connection, List<PlannedRoom> rooms) throws SQLException {
        double[] cumulative = new double[rooms.size()];
        double sum = 0;
        for (int i = 0; i < rooms.size(); i++) {
            sum += rooms.get(i).weight;
            cumulative[i] = sum;
        }
        long reportEvery = Math.max(1, messageCount / 10);
        long started = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (id, room_id, sender, body, "
                + "client_id, sent_at, prev_id, edited_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= messageCount; id++) {
                PlannedRoom room = rooms.get(pick(cumulative, random.nextDouble() * sum));
                long sentAt = FIRST_MESSAGE_AT + (id - 1) * AVERAGE_GAP_MS + random.nextLong(AVERAGE_GAP_MS);
                double fate = random.nextDouble();
                boolean deleted = fate < DELETED_SHARE;
                boolean edited = !deleted && fate < DELETED_SHARE + EDITED_SHARE;
                String body = text.body(random);
                insert.setLong(1, id);
                insert.setString(2, room.id);
                insert.setString(3, room.members.get(random.nextInt(room.members.size())));
                insert.setString(4, deleted ? "" : body);
                insert.setString(5, new UUID(random.nextLong(), random.nextLong()).toString());
                insert.setLong(6, sentAt);
                insert.setLong(7, room.lastMessageId);
                setTimeOrNull(insert, 8, edited, sentAt + random.nextLong(1_000, 600_000));
                setTimeOrNull(insert, 9, deleted, sentAt + random.nextLong(1_000, 600_000));
                insert.addBatch();
                room.lastMessageId = id;
                room.messages++;
                if (id % BATCH == 0) {
                    insert.executeBatch();
                }
                if (id % ROWS_PER_TRANSACTION == 0) {
                    connection.commit();
                }
                if (id % reportEvery == 0) {
                    System.out.printf(Locale.ROOT, "    %,d messages, %,.0f rows/s%n", id,
                            id / seconds(started, System.nanoTime()));
                }
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    private static void setTimeOrNull(PreparedStatement insert, int column, boolean present, long time)
            throws SQLException {
        if (present) {
            insert.setLong(column, time);
        } else {
            insert.setNull(column, Types.BIGINT);
        }
    }

    private static int pick(double[] cumulative, double point) {
        int found = Arrays.binarySearch(cumulative, point);
        return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
    }

    /** Most members have read their rooms to the end; one in five stopped somewhere before. */
    private int insertMemberships(Connection connection, List<PlannedRoom> rooms) throws SQLException {
        int count = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO memberships (room_id, username, joined_at, last_read_id) VALUES (?, ?, ?, ?)")) {
            for (PlannedRoom room : rooms) {
                for (String member : room.members) {
                    insert.setString(1, room.id);
                    insert.setString(2, member);
                    insert.setLong(3, room.createdAt);
                    insert.setLong(4, random.nextInt(5) == 0
                            ? Math.max(0, room.lastMessageId - random.nextInt(100) * 1_000L)
                            : room.lastMessageId);
                    insert.addBatch();
                    count++;
                }
            }
            insert.executeBatch();
        }
        return count;
    }

    private static void recordNewestMessages(Connection connection, List<PlannedRoom> rooms) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE rooms SET last_message_id = ? WHERE id = ?")) {
            for (PlannedRoom room : rooms) {
                update.setLong(1, room.lastMessageId);
                update.setString(2, room.id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void printBusiestRooms(List<PlannedRoom> rooms) {
        List<PlannedRoom> bySize = new ArrayList<>(rooms);
        bySize.sort((one, other) -> Long.compare(other.messages, one.messages));
        StringBuilder busiest = new StringBuilder();
        for (PlannedRoom room : bySize.subList(0, Math.min(5, bySize.size()))) {
            busiest.append(String.format(Locale.ROOT, " %,d", room.messages));
        }
        System.out.printf(Locale.ROOT, "Messages per room: busiest%s; median %,d; quietest %,d%n", busiest,
                bySize.get(bySize.size() / 2).messages, bySize.get(bySize.size() - 1).messages);
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1_048_576.0);
    }

    private static final class PlannedRoom {
        final String id;
        final String kind;
        final String name;
        final String directKey;
        final String createdBy;
        final long createdAt;
        final double weight;
        final List<String> members;
        long lastMessageId;
        long messages;

        PlannedRoom(String id, String kind, String name, String directKey, String createdBy, long createdAt,
                double weight, List<String> members) {
            this.id = id;
            this.kind = kind;
            this.name = name;
            this.directKey = directKey;
            this.createdBy = createdBy;
            this.createdAt = createdAt;
            this.weight = weight;
            this.members = members;
        }
    }

    private static final class Names {
        static final String[] FIRST = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
            "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "uma", "victor", "wendy"};

        static String displayName(String username) {
            String first = username.substring(0, username.indexOf('.'));
            return Character.toUpperCase(first.charAt(0)) + first.substring(1) + " " + username.substring(
                    username.indexOf('.') + 1);
        }
    }

    /**
     * What makes a million inserts fast and is undone afterwards. SQLite: no fsync and a big page cache, and the
     * full-text index filled in one {@code rebuild} at the end (Parley itself indexes each batch it stores; these
     * rows bypass it); PostgreSQL: the GIN index built once at the end, put back from its own stored definition,
     * so it is exactly what the migration created.
     */
    private static final class BulkLoad {
        private final Connection connection;
        private final BenchDatabase database;
        private final Optional<String> setAside;

        private BulkLoad(Connection connection, BenchDatabase database, Optional<String> setAside) {
            this.connection = connection;
            this.database = database;
            this.setAside = setAside;
        }

        static BulkLoad prepare(Connection connection, BenchDatabase database) throws SQLException {
            Optional<String> definition;
            try (Statement sql = connection.createStatement()) {
                if (database.isSqlite()) {
                    // Outside a transaction: SQLite changes the journal mode only there.
                    sql.execute("PRAGMA journal_mode = WAL");
                    sql.execute("PRAGMA synchronous = OFF");
                    sql.execute("PRAGMA cache_size = -524288");
                }
                connection.setAutoCommit(false);
                if (database.isSqlite()) {
                    definition = Optional.empty();
                } else {
                    sql.execute("SET synchronous_commit = off");
                    definition = single(sql, "SELECT indexdef FROM pg_indexes WHERE schemaname = '"
                            + BenchDatabase.POSTGRES_SCHEMA + "' AND indexname = 'messages_search'");
                    if (definition.isPresent()) {
                        sql.execute("DROP INDEX messages_search");
                    }
                }
            }
            connection.commit();
            if (!database.isSqlite() && definition.isEmpty()) {
                System.out.println("  (no search index to set aside: loading with it in place)");
            }
            return new BulkLoad(connection, database, definition);
        }

        void finish() throws SQLException {
            try (Statement sql = connection.createStatement()) {
                if (database.isSqlite()) {
                    sql.execute("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')");
                    connection.commit();
                    connection.setAutoCommit(true);
                    sql.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } else {
                    sql.execute("SET maintenance_work_mem = '512MB'");
                    if (setAside.isPresent()) {
                        sql.execute(setAside.get());
                    }
                    // The load gave the ids itself, so the identity sequence must continue after them.
                    sql.execute("SELECT setval(pg_get_serial_sequence('messages', 'id'), "
                            + "(SELECT COALESCE(MAX(id), 0) + 1 FROM messages), false)");
                    connection.commit();
                    // What autovacuum would soon do on its own: planner statistics and the visibility map.
                    connection.setAutoCommit(true);
                    sql.execute("VACUUM ANALYZE users, rooms, memberships, messages");
                }
            }
        }

        String finishing() {
            return database.isSqlite() ? "full-text index rebuilt, WAL checkpointed"
                    : "GIN index built, tables vacuumed and analyzed";
        }

        private static Optional<String> single(Statement sql, String query) throws SQLException {
            try (ResultSet rows = sql.executeQuery(query)) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
