package dev.parley.realtime;

import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Team rooms on PostgreSQL (tsvector search) with Redis pub/sub and presence. */
class ScaledOutGroupRoomsIT extends ChangeLogScenarios {

    private static final String SCHEMA = "it_group_rooms";

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onPostgres(TestServices.freshPostgresSchema(SCHEMA))
                .with("parley.redis.url", TestServices.REDIS_URL)
                .with("parley.message.max-length", Integer.toString(MAX_LENGTH))
                .archive();
    }

    @Override
    Optional<String> storedBody(long messageId) throws Exception {
        try (Connection db = DriverManager.getConnection(TestServices.postgresUrl(SCHEMA), TestServices.POSTGRES_USER,
                "");
                PreparedStatement query = db.prepareStatement("SELECT body FROM messages WHERE id = ?")) {
            query.setLong(1, messageId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
