package dev.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting Parley reads, with its default. Each key can be given as an environment variable by
 * MicroProfile Config's rule (upper case, dots and dashes as underscores): {@code parley.redis.url} is
 * {@code PARLEY_REDIS_URL}. The defaults run one node on embedded SQLite with in-process fan-out.
 * README.md lists the same keys; keep the two together.
 */
@ApplicationScoped
public class ParleyConfig {

    public static final String DB_URL = "parley.db.url";
    public static final String DB_USER = "parley.db.user";
    public static final String DB_PASSWORD = "parley.db.password";
    public static final String DEFAULT_DB_URL = "jdbc:sqlite:./data/parley.db";

    @Inject
    @ConfigProperty(name = "parley.redis.url")
    Optional<String> redisUrl;

    @Inject
    @ConfigProperty(name = "parley.allowed-origins")
    Optional<String> allowedOrigins;

    @Inject
    @ConfigProperty(name = "parley.message.max-length", defaultValue = "4000")
    int maxMessageLength;

    @Inject
    @ConfigProperty(name = "parley.registration.open", defaultValue = "true")
    boolean registrationOpen;

    @Inject
    @ConfigProperty(name = "parley.send.rate-per-second", defaultValue = "10")
    double sendRatePerSecond;

    @Inject
    @ConfigProperty(name = "parley.send.burst", defaultValue = "30")
    int sendBurst;

    @Inject
    @ConfigProperty(name = "parley.batch.window-ms", defaultValue = "5")
    int batchWindowMillis;

    @Inject
    @ConfigProperty(name = "parley.session.idle-timeout", defaultValue = "PT12H")
    String sessionIdleTimeout;

    /** Redis URL for multi-node fan-out and presence; empty means everything stays in this process. */
    public Optional<String> redisUrl() {
        return redisUrl.filter(url -> !url.isBlank());
    }

    /** Browser origins allowed to open the WebSocket besides Parley's own. */
    public List<String> allowedOrigins() {
        // A comma-separated string: Payara's config injection cannot fill an Optional<List<String>>.
        return allowedOrigins.stream().flatMap(origins -> Arrays.stream(origins.split(",")))
                .map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }

    public int maxMessageLength() {
        return maxMessageLength;
    }

    public boolean registrationOpen() {
        return registrationOpen;
    }

    public double sendRatePerSecond() {
        return sendRatePerSecond;
    }

    public int sendBurst() {
        return sendBurst;
    }

    /**
     * How long a signed-in session lasts without a request (ISO-8601, {@code PT12H}); then it ends, and so do the
     * WebSocket connections opened under it.
     */
    public Duration sessionIdleTimeout() {
        try {
            Duration timeout = Duration.parse(sessionIdleTimeout);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return timeout;
        } catch (RuntimeException e) {
            throw new IllegalStateException("parley.session.idle-timeout must be an ISO-8601 duration such as PT12H "
                    + "or PT30M, not '" + sessionIdleTimeout + "'", e);
        }
    }

    /** The least time between two WebSocket frames to one connection; messages queue up meanwhile. */
    public int batchWindowMillis() {
        return batchWindowMillis;
    }
}
