package dev.parley.room;

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

    static String next() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
