package dev.parley.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Passes on at most one {@code typing} notice per user and room every 3 seconds (on this node). Each one costs a
 * query for the members and a frame to each of them; the page sends one every 2 seconds while someone types and
 * shows it for 4, so nobody sees a difference.
 */
@ApplicationScoped
class TypingThrottle {

    static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** Past this many remembered pairs, the ones older than the interval are forgotten. */
    private static final int TIDY_ABOVE = 10_000;

    private final ConcurrentHashMap<String, Long> lastPassed = new ConcurrentHashMap<>();

    boolean mayPass(String user, String room, long now) {
        boolean[] passes = {false};
        lastPassed.compute(user + '\n' + room, (key, last) -> {
            if (last == null || now - last >= EVERY_NANOS) {
                passes[0] = true;
                return now;
            }
            return last;
        });
        if (lastPassed.size() > TIDY_ABOVE) {
            lastPassed.values().removeIf(last -> now - last >= EVERY_NANOS);
        }
        return passes[0];
    }
}
