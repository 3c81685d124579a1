package dev.parley.realtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 64-bit fingerprint of a room's member set, whatever the order of names: what a message event carries across
 * nodes instead of the members themselves, so a receiving node can tell whether the members it knows are the ones
 * the message was posted to. Each name counts by the first 8 bytes of its SHA-256, summed: nobody can pick a name
 * that leaves the sum unchanged, so removing someone always changes it. Thread-safe.
 */
final class MemberSetHash {

    /** Names remembered at most; usernames are few, but nothing here may grow without end. */
    static final int MAX_REMEMBERED = 100_000;
    private static final ConcurrentHashMap<String, Long> OF_NAME = new ConcurrentHashMap<>();

    private MemberSetHash() {
    }

    static long of(Collection<String> members) {
        long sum = 0;
        for (String member : members) {
            sum += ofName(member);
        }
        return sum;
    }

    private static long ofName(String name) {
        Long known = OF_NAME.get(name);
        if (known != null) {
            return known;
        }
        if (OF_NAME.size() >= MAX_REMEMBERED) {
            OF_NAME.clear();
        }
        long value = digest(name);
        OF_NAME.put(name, value);
        return value;
    }

    private static long digest(String name) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (sha[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
