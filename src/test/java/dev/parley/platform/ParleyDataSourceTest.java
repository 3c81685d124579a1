package dev.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ParleyDataSourceTest {

    @Test
    void sqliteWaitsForTheDiskAtEachCommitUnlessToldOtherwise() throws Exception {
        Path folder = Files.createTempDirectory("parley-sync-");
        assertEquals(2, synchronous(folder.resolve("full.db"), DatabaseSettings.SqliteSync.FULL), "2 is FULL");
        assertEquals(1, synchronous(folder.resolve("normal.db"), DatabaseSettings.SqliteSync.NORMAL), "1 is NORMAL");
    }

    private static int synchronous(Path file, DatabaseSettings.SqliteSync sync) throws Exception {
        DatabaseSettings settings = new DatabaseSettings("jdbc:sqlite:" + file, "", "", sync);
        try (Connection connection = ParleyDataSource.create(settings).getConnection();
                Statement sql = connection.createStatement();
                ResultSet answer = sql.executeQuery("PRAGMA synchronous")) {
            answer.next();
            return answer.getInt(1);
        }
    }
}
