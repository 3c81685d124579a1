package dev.parley.file;

import dev.parley.account.Profiles;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;

/**
 * People's pictures: kept by the {@link FileStore} like files, named on the account ({@link Profiles}), and served
 * to anyone signed in. Only raster images, at most 2 MB; a new picture replaces the old one, whose bytes go.
 */
@ApplicationScoped
public class Avatars {

    static final long MAX_BYTES = 2L * 1024 * 1024;

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
        String key = Intake.keep(store, body, declaredLength, MAX_BYTES, "avatar-", "A picture").key();
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
        Intake.forget(store, key);
    }
}
