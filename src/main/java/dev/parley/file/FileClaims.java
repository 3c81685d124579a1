package dev.parley.file;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message taking its files, inside the message writer's transaction, on its connection. A file is claimed by the
 * message's (sender, clientId) before the message is stored, so a refusal leaves nothing stored, and the same send
 * again (a resend, same clientId) claims the same files again; then, once stored, the message's id is written on
 * them.
 */
public final class FileClaims {

    /** More than anyone attaches at once; a send naming more is refused. */
    public static final int MAX_PER_MESSAGE = 10;

    private static final String CLAIM = "UPDATE files SET client_id = ? WHERE id = ? AND room_id = ? AND uploader = ? "
            + "AND ((client_id IS NULL AND message_id IS NULL) OR client_id = ?)";
    private static final String CLAIMED = "SELECT id, name, content_type, size FROM files "
            + "WHERE uploader = ? AND client_id = ? ORDER BY created_at, id";
    private static final String ATTACH = "UPDATE files SET message_id = ? WHERE uploader = ? AND client_id = ?";

    private FileClaims() {
    }

    /**
     * Claims the files for the message {@code (sender, clientId)} in {@code room}; empty when one of them is not
     * the sender's upload to this room, or another message has it.
     */
    public static Optional<List<FileView>> claim(Connection connection, String room, String sender, String clientId,
            List<String> ids) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            for (String id : ids) {
                claim.setString(1, clientId);
                claim.setString(2, id);
                claim.setString(3, room);
                claim.setString(4, sender);
                claim.setString(5, clientId);
                if (claim.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
        }
        List<FileView> claimed = new ArrayList<>(ids.size());
        try (PreparedStatement select = connection.prepareStatement(CLAIMED)) {
            select.setString(1, sender);
            select.setString(2, clientId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new FileView(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
                }
            }
        }
        return Optional.of(claimed);
    }

    /** The stored message's id on the files it claimed. */
    public static void attach(Connection connection, String sender, String clientId, long messageId)
            throws SQLException {
        try (PreparedStatement attach = connection.prepareStatement(ATTACH)) {
            attach.setLong(1, messageId);
            attach.setString(2, sender);
            attach.setString(3, clientId);
            attach.executeUpdate();
        }
    }
}
