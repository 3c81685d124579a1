package dev.parley.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files in a directory, one per key. A file is written under a temporary name and moved into place, so a reader
 * never sees half of one, and an upload cut off leaves nothing behind under its key.
 */
final class DirectoryFileStore implements FileStore {

    private final Path directory;

    DirectoryFileStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public void write(String key, InputStream content) throws IOException {
        Path partial = Files.createTempFile(directory, "upload-", ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, pathOf(key), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream read(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    private Path pathOf(String key) {
        if (!key.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("Not a file key: " + key);
        }
        return directory.resolve(key);
    }

    @Override
    public String toString() {
        return "the directory " + directory.toAbsolutePath();
    }
}
