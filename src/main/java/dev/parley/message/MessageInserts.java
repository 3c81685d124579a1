package dev.parley.message;

import dev.parley.file.FileClaims;
import dev.parley.file.FileView;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private static final String INSERT = "INSERT INTO messages "
            + "(room_id, sender, body, client_id, sent_at, prev_id, thread_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sender, client_id) DO NOTHING RETURNING id";

    /** Where a reply goes: the message replied to must be in the room; a reply to a reply joins its thread. */
    private static final String THREAD_OF = "SELECT COALESCE(thread_id, id) FROM messages WHERE id = ? AND room_id = ?";

    /**
     * SQLite's full-text index gets the batch's messages in one statement: the same rows through a trigger,
     * one statement each, made each insert about twice as slow (see V3__index_search_per_batch.sql). Only this writer
     * inserts while the transaction holds SQLite's write lock, so the batch's ids are one unbroken range.
     * PostgreSQL keeps its search column itself.
     */
    private static final String INDEX_FOR_SEARCH = "INSERT INTO messages_fts (rowid, body) "
            + "SELECT id, body FROM messages WHERE id BETWEEN ? AND ?";

    private final Connection connection;
    private final PreparedStatement insert;
    private PreparedStatement threadOf;
    private final boolean indexesForSearch;
    private long firstId = Long.MAX_VALUE;
    private long lastId = Long.MIN_VALUE;

    MessageInserts(DataSource dataSource, boolean indexesForSearch) {
        this.indexesForSearch = indexesForSearch;
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

    /**
     * The thread a reply to message {@code repliedTo} goes in (its own id, or its thread's when it is a reply
     * itself); empty when the room has no such message. Messages stored earlier in this batch count.
     */
    OptionalLong threadFor(String room, long repliedTo) {
        try {
            if (threadOf == null) {
                threadOf = connection.prepareStatement(THREAD_OF);
            }
            threadOf.setLong(1, repliedTo);
            threadOf.setString(2, room);
            try (ResultSet result = threadOf.executeQuery()) {
                return result.next() ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Claims the post's files for it (see {@link FileClaims}); empty when one of them is not the sender's upload
     * to this room or another message took it.
     */
    Optional<List<FileView>> claimFiles(PostRequest request) {
        try {
            return FileClaims.claim(connection, request.room(), request.sender(), request.clientId(), request.files());
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The stored message's id on the files it claimed. */
    void attachFiles(PostRequest request, long messageId) {
        try {
            FileClaims.attach(connection, request.sender(), request.clientId(), messageId);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * The new message's id; empty when its sender has stored a message under this client id already.
     * {@code thread}: the thread it replies in (from {@link #threadFor}), or null.
     */
    OptionalLong insert(PostRequest request, Instant sentAt, long previousId, Long thread) {
        try {
            insert.setString(1, request.room());
            insert.setString(2, request.sender());
            insert.setString(3, request.body().text());
            insert.setString(4, request.clientId());
            insert.setLong(5, sentAt.toEpochMilli());
            insert.setLong(6, previousId);
            if (thread == null) {
                insert.setNull(7, Types.BIGINT);
            } else {
                insert.setLong(7, thread);
            }
            try (ResultSet result = insert.executeQuery()) {
                if (!result.next()) {
                    return OptionalLong.empty();
                }
                long id = result.getLong(1);
                firstId = Math.min(firstId, id);
                lastId = Math.max(lastId, id);
                return OptionalLong.of(id);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Makes the batch's new messages searchable; call once, after the last insert, before the commit. */
    void indexForSearch() {
        if (!indexesForSearch || firstId > lastId) {
            return;
        }
        try (PreparedStatement index = connection.prepareStatement(INDEX_FOR_SEARCH)) {
            index.setLong(1, firstId);
            index.setLong(2, lastId);
            index.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try (connection; insert; PreparedStatement lookups = threadOf) {
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
