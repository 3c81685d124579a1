package dev.parley.realtime;

import dev.parley.platform.TokenBucket;

/**
 * How fast all replays of a node together may write, in characters per second: a replay pays for each page it has
 * handed over, and before the next page it waits (without a thread) while the bucket is overdrawn. A client that
 * stops reading still takes in megabytes, into its socket's buffers in the kernel, before it looks stuck; without a
 * bound, a few hundred of them resuming at once would take the threads that write live messages for seconds.
 * Shared by every replay thread, hence synchronized.
 */
final class ReplayRate {

    private final TokenBucket bucket;

    ReplayRate(double charsPerSecond, double burst, long now) {
        this.bucket = new TokenBucket(charsPerSecond, burst, now);
    }

    /** How many nanoseconds to wait before writing more: 0 unless what was written has overdrawn the bucket. */
    synchronized long waitNanos(long now) {
        return bucket.nanosUntil(0, now);
    }

    /** Pays for {@code chars} written; one page may overdraw the bucket, and the next waits for it. */
    synchronized void paid(long chars, long now) {
        bucket.spend(chars, now);
    }
}
