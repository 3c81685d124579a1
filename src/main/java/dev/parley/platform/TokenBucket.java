package dev.parley.platform;

/**
 * A token bucket, the one rate limiter behind sends, frames, replays and registrations: it fills at
 * {@code perSecond} up to {@code capacity}, and what is allowed takes from it. Times are {@link System#nanoTime()}
 * readings, passed in so tests need no clock. Not thread-safe: its owner synchronizes, or uses it from one thread
 * at a time.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    /** A full bucket. */
    public TokenBucket(double perSecond, double capacity, long now) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes one token if there is a whole one; answers whether it did. */
    public boolean tryTake(long now) {
        refill(now);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Takes {@code amount} whatever the bucket holds: it may go below empty, and {@link #nanosUntil} waits it off. */
    public void spend(double amount, long now) {
        refill(now);
        tokens -= amount;
    }

    /** Nanoseconds until the bucket holds {@code amount}: 0 when it does now. */
    public long nanosUntil(double amount, long now) {
        refill(now);
        return tokens >= amount ? 0 : (long) ((amount - tokens) / perSecond * NANOS_PER_SECOND);
    }

    /** Whether it has filled up again, so forgetting it would change nothing. */
    public boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) / NANOS_PER_SECOND * perSecond);
        refilledAt = now;
    }
}
