package dev.parley.message;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast one user may add and take back reactions on this node: a bucket of its own with the numbers of the
 * send limit ({@code parley.send.rate-per-second}, {@code parley.send.burst}). Each change writes a row and
 * tells every member of the room, so a script clicking in a loop is slowed like one posting in a loop.
 */
@ApplicationScoped
class ReactionRateLimit {

    @Inject
    ParleyConfig config;

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    void take(String user) {
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(user,
                u -> new TokenBucket(config.sendRatePerSecond(), config.sendBurst(), now));
        boolean allowed;
        synchronized (bucket) {
            allowed = bucket.tryTake(now);
        }
        if (!allowed) {
            throw new ParleyException(ErrorCode.RATE_LIMITED, "Too many reactions at once; wait a moment");
        }
    }
}
