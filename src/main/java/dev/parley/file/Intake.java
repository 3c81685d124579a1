package dev.parley.file;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bytes coming in over HTTP on their way into the {@link FileStore}, for files and pictures alike: streamed, never
 * held in memory here, counted on the way and stopped past the limit; an upload cut short or too large leaves
 * nothing behind.
 */
final class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What was kept: its key in the store and its size. */
    record Kept(String key, long size) {
    }

    private Intake() {
    }

    /**
     * Keeps {@code body} under a new key starting with {@code prefix}; {@code declaredLength} (-1 if unknown) over
     * {@code max} is refused before anything is read. {@code what} names it in refusals ("A file", "A picture").
     */
    static Kept keep(FileStore store, InputStream body, long declaredLength, long max, String prefix, String what) {
        if (declaredLength > max) {
            throw tooLarge(what, max);
        }
        String key = prefix + randomId();
        CountingStream counted = new CountingStream(body, max);
        try {
            store.write(key, counted);
        } catch (CountingStream.TooLong tooLong) {
            forget(store, key);
            throw tooLarge(what, max);
        } catch (IOException e) {
            forget(store, key);
            throw new ParleyException(ErrorCode.BAD_REQUEST, what + " did not arrive whole; send it again");
        }
        if (counted.count() == 0) {
            forget(store, key);
            throw new ParleyException(ErrorCode.INVALID, what + " is empty");
        }
        return new Kept(key, counted.count());
    }

    /** Deletes the bytes under {@code key}; a failure is logged (nothing will ask for them again). */
    static void forget(FileStore store, String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete " + key + " from " + store, e);
        }
    }

    private static ParleyException tooLarge(String what, long max) {
        return new ParleyException(ErrorCode.TOO_LARGE, what + " is at most " + max / (1024 * 1024) + " MB");
    }

    private static String randomId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
