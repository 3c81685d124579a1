package dev.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
    public static final String DB_SQLITE_SYNCHRONOUS = "parley.db.sqlite-synchronous";
    public static final String DEFAULT_DB_URL = "jdbc:sqlite:./data/parley.db";

    @Inject
    @ConfigProperty(name = "parley.redis.url")
    Optional<String> redisUrl;

    @Inject
    @ConfigProperty(name = "parley.redis.cluster", defaultValue = "false")
    boolean redisCluster;

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

    @Inject
    @ConfigProperty(name = "parley.session.anonymous-timeout", defaultValue = "PT10M")
    String anonymousSessionTimeout;

    @Inject
    @ConfigProperty(name = "parley.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "parley.registration.per-address-per-hour", defaultValue = "100")
    double registrationsPerHour;

    @Inject
    @ConfigProperty(name = "parley.registration.per-address-burst", defaultValue = "100")
    int registrationBurst;

    @Inject
    @ConfigProperty(name = "parley.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    @ConfigProperty(name = "parley.frames.rate-per-second", defaultValue = "20")
    double frameRatePerSecond;

    @Inject
    @ConfigProperty(name = "parley.frames.burst", defaultValue = "60")
    int frameBurst;

    @Inject
    @ConfigProperty(name = "parley.ws.max-connections-per-user", defaultValue = "20")
    int maxConnectionsPerUser;

    @Inject
    @ConfigProperty(name = "parley.admin-users")
    Optional<String> adminUsers;

    @Inject
    @ConfigProperty(name = "parley.local-login", defaultValue = "true")
    boolean localLogin;

    /** Redis URL for multi-node fan-out and presence; empty means everything stays in this process. */
    public Optional<String> redisUrl() {
        return redisUrl.filter(url -> !url.isBlank());
    }

    /** Whether {@code parley.redis.url} names nodes of a Redis Cluster (sharded pub/sub) rather than one Redis. */
    public boolean redisCluster() {
        return redisCluster;
    }

    /** Browser origins allowed to open the WebSocket besides Parley's own. */
    public List<String> allowedOrigins() {
        return commaSeparated(allowedOrigins);
    }

    /**
     * The entries of a comma-separated setting, stripped, without empty ones. Lists are read as one string because
     * Payara's config injection cannot fill an {@code Optional<List<String>>}.
     */
    public static List<String> commaSeparated(Optional<String> setting) {
        return setting.stream().flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    /** The message length limit at start; an admin may change it at runtime ({@code SiteSettings}). */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /** Whether registration is open at start; an admin may change it at runtime ({@code SiteSettings}). */
    public boolean registrationOpen() {
        return registrationOpen;
    }

    /**
     * Usernames that are admins by configuration (the first admins of a new installation): always admins, whatever
     * the console says; lower-cased, as usernames are.
     */
    public Set<String> adminUsers() {
        return commaSeparated(adminUsers).stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether local accounts (a username and password kept by Parley) may register and sign in. False where people
     * sign in only through the company's identity provider.
     */
    public boolean localLogin() {
        return localLogin;
    }

    /** New accounts one client address may create per hour, sustained, after {@link #registrationBurst()}. */
    public double registrationsPerHour() {
        return registrationsPerHour;
    }

    public int registrationBurst() {
        return registrationBurst;
    }

    /**
     * Addresses of reverse proxies in front of Parley: for a request from one of them, the client's address is the
     * last one in X-Forwarded-For that is not a trusted proxy. Empty: the connection's address is the client's.
     */
    public List<String> trustedProxies() {
        return commaSeparated(trustedProxies);
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
        return positiveDuration("parley.session.idle-timeout", sessionIdleTimeout);
    }

    /** How long a session nobody has signed in on lasts without a request (a visit to the sign-in page). */
    public Duration anonymousSessionTimeout() {
        return positiveDuration("parley.session.anonymous-timeout", anonymousSessionTimeout);
    }

    private static Duration positiveDuration(String key, String text) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return duration;
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + " must be an ISO-8601 duration such as PT12H or PT30M, not '" + text
                    + "'", e);
        }
    }

    /**
     * The address people reach Parley at, when it is not the one requests arrive with (behind a proxy that ends
     * TLS): its origin is Parley's own, and {@code https://} marks the session cookie Secure and adds HSTS.
     */
    public Optional<URI> publicUrl() {
        return publicUrl.filter(url -> !url.isBlank()).map(url -> {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalStateException("parley.public-url must be an absolute URL such as "
                        + "https://chat.example.com/, not '" + url + "'");
            }
            return uri;
        });
    }

    /**
     * How many frames of any kind one connection may send per second, sustained: never less than the send rate
     * plus 10, so raising the send limit for a bot or a benchmark raises this with it.
     */
    public double frameRatePerSecond() {
        return Math.max(frameRatePerSecond, sendRatePerSecond + 10);
    }

    /** How many frames one connection may send at once before the rate applies; at least the send burst plus 30. */
    public int frameBurst() {
        return Math.max(frameBurst, sendBurst + 30);
    }

    /** Open WebSockets one user may have on one node; more are closed at once (1008). */
    public int maxConnectionsPerUser() {
        return maxConnectionsPerUser;
    }

    /** The least time between two WebSocket frames to one connection; messages queue up meanwhile. */
    public int batchWindowMillis() {
        return batchWindowMillis;
    }
}
