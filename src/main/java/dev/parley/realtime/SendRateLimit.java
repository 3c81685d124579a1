package dev.parley.realtime;

import dev.parley.platform.ParleyConfig;
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

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    boolean allows(String user) {
        return buckets.computeIfAbsent(user, u -> new Bucket(config.sendBurst())).take(
                config.sendRatePerSecond(), config.sendBurst(), System.nanoTime());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        synchronized boolean take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
