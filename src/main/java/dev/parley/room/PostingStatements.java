package dev.parley.room;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import javax.sql.DataSource;

/**
 * The two statements a batch of writes runs on the {@code rooms} table, over plain JDBC on the transaction's own
 * connection: one statement that locks all the batch's rooms and reads their newest ids, and the new newest ids
 * as one JDBC batch. Through JPA
 * they were two statements per room, each prepared anew, which a batch of private messages (a different room
 * for nearly every post) paid for every message.
 */
final class PostingStatements {

    private PostingStatements() {
    }

    /** A locked room's newest message id, the number of its latest change, and whether it is archived (read-only). */
    record LockedRow(long newest, long changeSeq, boolean archived) {
    }

    /**
     * Locks the rooms as the transaction's first statement and answers the newest message id of each that exists.
     * SQLite: an update, which takes the database's one write lock before anything is read (a read first could
     * not upgrade once another writer committed). PostgreSQL: the rows' locks, taken in id order, so two nodes'
     * batches never wait for each other in a cycle.
     */
    static Map<String, LockedRow> lock(DataSource dataSource, boolean sqlite, SortedSet<String> roomIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = sqlite ? lockOnSqlite(connection, roomIds)
                        : lockOnPostgres(connection, roomIds);
                ResultSet locked = lock.executeQuery()) {
            Map<String, LockedRow> rows = new HashMap<>();
            while (locked.next()) {
                rows.put(locked.getString(1), new LockedRow(locked.getLong(2), locked.getLong(3), locked.getBoolean(4)));
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static PreparedStatement lockOnSqlite(Connection connection, SortedSet<String> roomIds)
            throws SQLException {
        String marks = String.join(", ", Collections.nCopies(roomIds.size(), "?"));
        PreparedStatement lock = connection.prepareStatement("UPDATE rooms SET last_message_id = last_message_id "
                + "WHERE id IN (" + marks + ") RETURNING id, last_message_id, change_seq, archived_at IS NOT NULL");
        int i = 0;
        for (String roomId : roomIds) {
            lock.setString(++i, roomId);
        }
        return lock;
    }

    private static PreparedStatement lockOnPostgres(Connection connection, SortedSet<String> roomIds)
            throws SQLException {
        PreparedStatement lock = connection.prepareStatement(
                "SELECT id, last_message_id, change_seq, archived_at IS NOT NULL FROM rooms WHERE id = ANY (?) "
                        + "ORDER BY id FOR UPDATE");
        lock.setArray(1, connection.createArrayOf("text", roomIds.toArray()));
        return lock;
    }

    /**
     * Records each room's newest message id, for the room list and for where a new connection starts, and the
     * number of its latest change.
     */
    static void recordBatch(DataSource dataSource, List<PostingRoom> written) {
        if (written.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement record = connection.prepareStatement(
                        "UPDATE rooms SET last_message_id = ?, change_seq = ? WHERE id = ?")) {
            for (PostingRoom room : written) {
                record.setLong(1, room.newest());
                record.setLong(2, room.changeSeq());
                record.setString(3, room.id());
                record.addBatch();
            }
            record.executeBatch();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static PersistenceException failed(SQLException e) {
        return new PersistenceException("Locking or updating rooms failed: " + e.getMessage(), e);
    }
}
