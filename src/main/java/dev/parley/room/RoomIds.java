package dev.parley.room;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import java.security.SecureRandom;
import java.util.Base64;

/** Room ids: opaque to clients, unguessable, URL-safe; today 16 characters, never more than {@link #MAX_LENGTH}. */
public final class RoomIds {

    /** The longest room id a client may send; anything longer is refused without being repeated back. */
    public static final int MAX_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomIds() {
    }

    public static boolean fits(String roomId) {
        return roomId != null && roomId.length() <= MAX_LENGTH;
    }

    /** Refuses a room id longer than any room's, without repeating it back. */
    public static void requireFits(String roomId) {
        if (!fits(roomId)) {
            throw tooLong();
        }
    }

    static ParleyException tooLong() {
        return new ParleyException(ErrorCode.BAD_REQUEST, "A room id is at most " + MAX_LENGTH + " characters");
    }

    static String next() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
