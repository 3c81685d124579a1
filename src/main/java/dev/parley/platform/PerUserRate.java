package dev.parley.platform;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link TokenBucket} per user, made full on the user's first request: how fast each user may do one kind of
 * thing on this node. Safe for many threads.
 */
public final class PerUserRate {

    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public PerUserRate(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes one token from the user's bucket if it has one; answers whether it did. */
    public boolean allows(String user) {
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(user, u -> new TokenBucket(perSecond, burst, now));
        synchronized (bucket) {
            return bucket.tryTake(now);
        }
    }
}
