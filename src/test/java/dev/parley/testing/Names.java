package dev.parley.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Usernames unique within a test run, so tests sharing one deployment never meet each other's users. */
public final class Names {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);

    private Names() {
    }

    public static String unique(String person) {
        return person + "-" + RUN + "-" + NEXT.incrementAndGet();
    }
}
