package dev.parley.realtime;

import java.util.concurrent.TimeUnit;

/**
 * How fast all replays of a node together may write, in characters per second: a token bucket that a replay pays
 * for each page it has handed over; before the next page it waits (without a thread) while the bucket is overdrawn. A client that stops reading
 * still takes in megabytes, into its socket's buffers in the kernel, before it looks stuck; without a bound, a
 * few hundred of them resuming at once would take the threads that write live messages for seconds.
 */
final class ReplayRate {

    private final double charsPerSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;

    ReplayRate(double charsPerSecond, double burst, long now) {
        this.charsPerSecond = charsPerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** How many nanoseconds to wait before writing more: 0 unless what was written has overdrawn the bucket. */
    synchronized long waitNanos(long now) {
        refill(now);
        return tokens >= 0 ? 0 : (long) (-tokens / charsPerSecond * TimeUnit.SECONDS.toNanos(1));
    }

    /** Pays for {@code chars} written; one page may overdraw the bucket, and the next waits for it. */
    synchronized void paid(long chars, long now) {
        refill(now);
        tokens -= chars;
    }

    private void refill(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * charsPerSecond);
        refilledAt = now;
    }
}
