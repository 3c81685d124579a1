package dev.parley.message;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The inserts of one batch of posts, over plain JDBC on the transaction's own connection (the container hands
 * the same one to JPA and to this class within a transaction). One statement is prepared for the whole batch;
 * through JPA each message cost a statement prepare, a flush and a separate query for its id, which was most of
 * the writer's time (JFR). The columns mirror {@link Message}; everything else about messages still goes
 * through JPA.
 *
 * <p>A post whose sender already stored a message under the same client id inserts nothing: the unique index
 * on (sender, client_id) decides, in the same statement, so a resend is never stored twice, even when two nodes
 * race.
 */
final class MessageInserts implements AutoCloseable {

    private static final String INSERT = "INSERT INTO messages (room_id, sender, body, client_id, sent_at, prev_id) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sender, client_id) DO NOTHING RETURNING id";

    private final Connection connection;
    private final PreparedStatement insert;

    MessageInserts(DataSource dataSource) {
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failed(e);
        }
        try {
            insert = connection.prepareStatement(INSERT);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw failed(e);
        }
    }

    /** The new message's id; empty when its sender has stored a message under this client id already. */
    OptionalLong insert(PostRequest request, Instant sentAt, long previousId) {
        try {
            insert.setString(1, request.room());
            insert.setString(2, request.sender());
            insert.setString(3, request.body().text());
            insert.setString(4, request.clientId());
            insert.setLong(5, sentAt.toEpochMilli());
            insert.setLong(6, previousId);
            try (ResultSet id = insert.executeQuery()) {
                return id.next() ? OptionalLong.of(id.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try (connection; insert) {
            // closing both is the point
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static void closeQuietly(Connection connection, SQLException cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static PersistenceException failed(SQLException e) {
        return new PersistenceException("Storing messages failed: " + e.getMessage(), e);
    }
}
