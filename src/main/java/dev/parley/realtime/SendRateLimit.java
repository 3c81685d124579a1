package dev.parley.realtime;

import dev.parley.platform.ParleyConfig;
import dev.parley.platform.PerUserRate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How fast one user may post, over all their connections on this node: a token bucket that refills at
 * {@code parley.send.rate-per-second} and holds {@code parley.send.burst}, so a person typing is never slowed
 * and a runaway script is.
 */
@ApplicationScoped
class SendRateLimit {

    @Inject
    ParleyConfig config;

    private PerUserRate rate;

    @PostConstruct
    void start() {
        rate = new PerUserRate(config.sendRatePerSecond(), config.sendBurst());
    }

    boolean allows(String user) {
        return rate.allows(user);
    }
}
