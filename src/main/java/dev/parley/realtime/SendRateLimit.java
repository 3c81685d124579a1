package dev.parley.realtime;

import dev.parley.platform.ParleyConfig;
import dev.parley.platform.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast one user may post, over all their connections on this node: a token bucket that refills at
 * {@code parley.send.rate-per-second} and holds {@code parley.send.burst}, so a person typing is never slowed
 * and a runaway script is.
 */
@ApplicationScoped
class SendRateLimit {

    @Inject
    ParleyConfig config;

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    boolean allows(String user) {
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(user,
                u -> new TokenBucket(config.sendRatePerSecond(), config.sendBurst(), now));
        synchronized (bucket) {
            return bucket.tryTake(now);
        }
    }
}
