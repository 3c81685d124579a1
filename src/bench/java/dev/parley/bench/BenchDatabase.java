package dev.parley.bench;

import dev.parley.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The database the benchmark seeds and Parley then serves: an SQLite file under {@code parley.testdata} (the
 * profile sets it to target/bench) or the schema {@code bench} of the test PostgreSQL on 127.0.0.1.
 */
record BenchDatabase(Kind kind, String url, String user, Path file) {

    enum Kind { SQLITE, POSTGRES }

    static final String POSTGRES_SCHEMA = "bench";

    static BenchDatabase named(String name) {
        return switch (name) {
            case "sqlite" -> {
                Path file = benchFolder().resolve("parley-bench.db");
                yield new BenchDatabase(Kind.SQLITE, "jdbc:sqlite:" + file, null, file);
            }
            case "postgres", "postgresql" -> new BenchDatabase(Kind.POSTGRES,
                    TestServices.postgresUrl(POSTGRES_SCHEMA), TestServices.POSTGRES_USER, null);
            default -> throw new IllegalArgumentException("--db must be sqlite or postgres, was " + name);
        };
    }

    static Path benchFolder() {
        return Path.of(System.getProperty("parley.testdata", "target/bench")).toAbsolutePath();
    }

    boolean isSqlite() {
        return kind == Kind.SQLITE;
    }

    /** The Flyway folder the application itself migrates from for this dialect. */
    String migrationLocation() {
        return "classpath:db/migration/" + (isSqlite() ? "sqlite" : "postgresql");
    }

    /** How Parley is pointed at this database: its environment variables. */
    Map<String, String> parleyEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PARLEY_DB_URL", url);
        if (user != null) {
            environment.put("PARLEY_DB_USER", user);
        }
        return environment;
    }

    Connection connect() throws SQLException {
        return connect(url);
    }

    /** A connection for loading rows: PostgreSQL's driver then sends a JDBC batch as multi-row inserts. */
    Connection connectForBulkLoad() throws SQLException {
        return connect(isSqlite() ? url : url + "&reWriteBatchedInserts=true");
    }

    private Connection connect(String address) throws SQLException {
        Connection connection = DriverManager.getConnection(address, user, user == null ? null : "");
        if (isSqlite()) {
            try (var sql = connection.createStatement()) {
                // Parley may be writing at the same moment; wait for its lock rather than fail.
                sql.execute("PRAGMA busy_timeout = 10000");
            }
        }
        return connection;
    }

    /** Bytes the database occupies on disk: the SQLite file and its WAL, or the PostgreSQL schema's relations. */
    long sizeOnDisk() throws Exception {
        if (isSqlite()) {
            long size = Files.size(file);
            Path wal = Path.of(file + "-wal");
            return Files.exists(wal) ? size + Files.size(wal) : size;
        }
        try (Connection connection = connect();
                var sql = connection.prepareStatement("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) "
                        + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = ? AND c.relkind IN ('r', 'm')")) {
            sql.setString(1, POSTGRES_SCHEMA);
            try (var rows = sql.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public String toString() {
        return isSqlite() ? "SQLite " + file : "PostgreSQL " + url;
    }
}
