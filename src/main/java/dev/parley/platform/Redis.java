package dev.parley.platform;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.resolver.DefaultAddressResolverGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one Lettuce client of this node, made only when {@code parley.redis.url} is set. Shared by the bus and
 * presence; shut down with the application so a redeploy leaves no Netty threads behind.
 */
@ApplicationScoped
public class Redis {

    @Inject
    ParleyConfig config;

    private ClientResources resources;
    private RedisClient client;
    private StatefulRedisConnection<String, String> pings;

    public boolean configured() {
        return config.redisUrl().isPresent();
    }

    public synchronized RedisClient client() {
        if (client == null) {
            String url = config.redisUrl().orElseThrow(() -> new IllegalStateException("parley.redis.url is not set"));
            // The JDK resolver reads the hosts file; Netty's own DNS resolver would open a UDP socket and query
            // DNS servers, which these machines (and many data centres) forbid.
            resources = DefaultClientResources.builder()
                    .addressResolverGroup(DefaultAddressResolverGroup.INSTANCE)
                    .build();
            RedisURI uri = RedisURI.create(url);
            uri.setTimeout(Duration.ofSeconds(5));
            client = RedisClient.create(resources, uri);
        }
        return client;
    }

    /** Whether Redis answers a PING within a second (for the readiness check); true when none is set up. */
    public boolean isReachable() {
        if (!configured()) {
            return true;
        }
        try {
            StatefulRedisConnection<String, String> connection;
            synchronized (this) {
                if (pings == null) {
                    pings = client().connect();
                }
                connection = pings;
            }
            return "PONG".equals(connection.async().ping().get(1, TimeUnit.SECONDS));
        } catch (RuntimeException | ExecutionException | TimeoutException unreachable) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    synchronized void shutdown() {
        Optional.ofNullable(pings).ifPresent(StatefulRedisConnection::close);
        Optional.ofNullable(client).ifPresent(RedisClient::shutdown);
        Optional.ofNullable(resources).ifPresent(ClientResources::shutdown);
    }
}
