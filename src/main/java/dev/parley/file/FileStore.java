package dev.parley.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of uploaded files live, by key (a random id Parley chooses: letters, digits, '-' and '_').
 * What a file is (name, type, room, message) is in the database whichever store keeps its bytes.
 *
 * <p>Two stores come with Parley: {@link DirectoryFileStore} (a directory beside the SQLite file, the default on
 * one machine) and {@link DatabaseFileStore} (the database itself, for several nodes without a shared disk). An
 * S3-compatible store is a third implementation of these three methods (README, "Files").
 */
public interface FileStore {

    /** Keeps {@code content} under {@code key}, replacing nothing (keys are new); reads it to its end. */
    void write(String key, InputStream content) throws IOException;

    /** The bytes kept under {@code key}; the caller closes the stream. */
    InputStream read(String key) throws IOException;

    /** Forgets {@code key}; nothing happens when it is not there. */
    void delete(String key) throws IOException;
}
