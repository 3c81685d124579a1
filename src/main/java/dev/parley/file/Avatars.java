package dev.parley.file;

import dev.parley.account.Profiles;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * People's pictures: kept by the {@link FileStore} like files, named on the account ({@link Profiles}), and served
 * to anyone signed in. Only raster images, at most 2 MB; a new picture replaces the old one, whose bytes go.
 */
@ApplicationScoped
public class Avatars {

    static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(Avatars.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    FileStore store;

    @Inject
    Profiles profiles;

    /** Keeps the picture and makes it the person's; answers its id. */
    public String replace(String username, String typedType, long declaredLength, InputStream body) {
        String type = FileRules.contentType(typedType);
        if (!FileRules.PREVIEWABLE.contains(type)) {
            throw new ParleyException(ErrorCode.INVALID, "A picture is a PNG, JPEG, GIF or WebP image");
        }
        if (declaredLength > MAX_BYTES) {
            throw tooLarge();
        }
        String key = "avatar-" + randomId();
        CountingStream counted = new CountingStream(body, MAX_BYTES);
        try {
            store.write(key, counted);
        } catch (CountingStream.TooLong tooLong) {
            forget(key);
            throw tooLarge();
        } catch (IOException e) {
            forget(key);
            throw new ParleyException(ErrorCode.BAD_REQUEST, "The picture did not arrive whole; send it again");
        }
        if (counted.count() == 0) {
            forget(key);
            throw new ParleyException(ErrorCode.INVALID, "The picture is empty");
        }
        try {
            profiles.setAvatar(username, key, type).ifPresent(this::forget);
        } catch (RuntimeException failed) {
            forget(key);
            throw failed;
        }
        return key;
    }

    public void remove(String username) {
        profiles.setAvatar(username, null, null).ifPresent(this::forget);
    }

    /** The picture kept under {@code id}, while someone has it. */
    public Files.Download read(String id) throws IOException {
        String type = id == null || !id.matches("avatar-[A-Za-z0-9_-]{1,40}") ? null
                : profiles.avatarType(id).orElse(null);
        if (type == null) {
            throw new ParleyException(ErrorCode.UNKNOWN_FILE, "There is no such picture");
        }
        return new Files.Download(new FileView(id, id, type, -1), store.read(id));
    }

    private void forget(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete the picture " + key + " from " + store, e);
        }
    }

    private static ParleyException tooLarge() {
        return new ParleyException(ErrorCode.TOO_LARGE, "A picture is at most 2 MB");
    }

    private static String randomId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
