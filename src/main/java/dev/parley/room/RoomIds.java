package dev.parley.room;

import java.security.SecureRandom;
import java.util.Base64;

/** New room ids: opaque to clients, unguessable, URL-safe. */
final class RoomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomIds() {
    }

    static String next() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
