package dev.parley.realtime;

import dev.parley.testing.ParleyDeployment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Team rooms on the embedded defaults: SQLite (FTS5 search) and the in-process bus. */
class GroupRoomsIT extends ChangeLogScenarios {

    private static final String NAME = "group-rooms";

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite(NAME)
                .with("parley.message.max-length", Integer.toString(MAX_LENGTH))
                .archive();
    }

    @Override
    Optional<String> storedBody(long messageId) throws Exception {
        Path file = Path.of(System.getProperty("parley.testdata", "target/it-data"), NAME + ".db").toAbsolutePath();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement query = db.prepareStatement("SELECT body FROM messages WHERE id = ?")) {
            query.setLong(1, messageId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
