package dev.parley.message;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
import dev.parley.platform.PerUserRate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How fast one user may add and take back reactions on this node: buckets of their own with the numbers of the
 * send limit ({@code parley.send.rate-per-second}, {@code parley.send.burst}). Each change writes a row and
 * tells every member of the room, so a script clicking in a loop is slowed like one posting in a loop.
 */
@ApplicationScoped
class ReactionRateLimit {

    @Inject
    ParleyConfig config;

    private PerUserRate rate;

    @PostConstruct
    void start() {
        rate = new PerUserRate(config.sendRatePerSecond(), config.sendBurst());
    }

    void take(String user) {
        if (!rate.allows(user)) {
            throw new ParleyException(ErrorCode.RATE_LIMITED, "Too many reactions at once; wait a moment");
        }
    }
}
