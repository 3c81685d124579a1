package dev.parley.file;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Files in the database's {@code file_contents} table: every node reads what any node wrote, with no shared disk.
 * A file is read whole into memory to be served (PostgreSQL's driver reads a {@code bytea} whole anyway), which the
 * upload limit keeps bounded.
 */
final class DatabaseFileStore implements FileStore {

    private final DataSource dataSource;

    DatabaseFileStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void write(String key, InputStream content) throws IOException {
        byte[] bytes = content.readAllBytes();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO file_contents (file_key, content) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setBytes(2, bytes);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("Storing a file in the database failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream read(String key) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT content FROM file_contents WHERE file_key = ?")) {
            select.setString(1, key);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw new FileNotFoundException(key);
                }
                return new ByteArrayInputStream(result.getBytes(1));
            }
        } catch (SQLException e) {
            throw new IOException("Reading a file from the database failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM file_contents WHERE file_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("Deleting a file from the database failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "the database";
    }
}
