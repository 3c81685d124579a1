package dev.parley.platform;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.netty.resolver.DefaultAddressResolverGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one Lettuce client of this node, made only when {@code parley.redis.url} is set: a single Redis, or a Redis
 * Cluster when {@code parley.redis.cluster} is true (the URL then lists one or more of its nodes, comma-separated).
 * Shared by the bus and presence, which never ask which; shut down with the application so a redeploy leaves no
 * Netty threads behind.
 */
@ApplicationScoped
public class Redis {

    /** How often a cluster client rereads who owns which slots, besides when a command is redirected. */
    static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(5);
    static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(1);

    @Inject
    ParleyConfig config;

    private ClientResources resources;
    private AbstractRedisClient client;
    private RedisLink pings;

    public boolean configured() {
        return config.redisUrl().isPresent();
    }

    public boolean cluster() {
        return configured() && config.redisCluster();
    }

    /** A new connection for commands (each user of Redis has its own, so none waits behind another's). */
    public RedisLink connect() {
        AbstractRedisClient lettuce = client();
        return lettuce instanceof RedisClusterClient cluster ? RedisLink.of(cluster.connect())
                : RedisLink.of(((RedisClient) lettuce).connect());
    }

    /** A new connection for subscriptions; on a cluster, Lettuce subscribes each shard channel at its master. */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        AbstractRedisClient lettuce = client();
        return lettuce instanceof RedisClusterClient cluster ? cluster.connectPubSub()
                : ((RedisClient) lettuce).connectPubSub();
    }

    private synchronized AbstractRedisClient client() {
        if (client == null) {
            String url = config.redisUrl().orElseThrow(() -> new IllegalStateException("parley.redis.url is not set"));
            resources = newResources();
            List<RedisURI> uris = ParleyConfig.commaSeparated(Optional.of(url)).stream().map(RedisURI::create)
                    .peek(uri -> uri.setTimeout(Duration.ofSeconds(5))).toList();
            if (config.redisCluster()) {
                RedisClusterClient cluster = RedisClusterClient.create(resources, uris);
                cluster.setOptions(ClusterClientOptions.builder()
                        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                                .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                                .enableAllAdaptiveRefreshTriggers()
                                .build())
                        .build());
                client = cluster;
            } else {
                client = RedisClient.create(resources, uris.get(0));
            }
        }
        return client;
    }

    /** Runs {@code action} each time a connection to a Redis node (re)opens, on a Lettuce thread. */
    public void onConnected(Runnable action) {
        client();
        whenConnected(resources, action);
    }

    /** Runs {@code action} each time a connection of a client made with {@code resources} (re)opens. */
    public static void whenConnected(ClientResources resources, Runnable action) {
        resources.eventBus().get().filter(event -> event instanceof ConnectionActivatedEvent)
                .subscribe(event -> action.run());
    }

    /**
     * Lettuce's threads and settings for this node. The JDK resolver reads the hosts file (Netty's own DNS
     * resolver would open a UDP socket and query DNS servers, which these machines and many data centres forbid);
     * reconnect attempts come at most a second apart (by default they back off to 30 s, and a Redis back after an
     * outage went unnoticed for that long).
     */
    public static ClientResources newResources() {
        return DefaultClientResources.builder()
                .addressResolverGroup(DefaultAddressResolverGroup.INSTANCE)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), RECONNECT_AT_MOST, 2, TimeUnit.MILLISECONDS))
                .build();
    }

    /**
     * Whether Redis answers within a second (for the readiness check): a PING, or on a cluster whether the cluster
     * says it is ok (a master down leaves its slots unserved, and the other masters refuse keyed commands). True
     * when no Redis is set up.
     */
    public boolean isReachable() {
        if (!configured()) {
            return true;
        }
        try {
            RedisLink link;
            synchronized (this) {
                if (pings == null) {
                    pings = connect();
                }
                link = pings;
            }
            return cluster() ? link.async().clusterInfo().get(1, TimeUnit.SECONDS).contains("cluster_state:ok")
                    : "PONG".equals(link.async().ping().get(1, TimeUnit.SECONDS));
        } catch (RuntimeException | ExecutionException | TimeoutException unreachable) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    synchronized void shutdown() {
        Optional.ofNullable(pings).ifPresent(RedisLink::close);
        Optional.ofNullable(client).ifPresent(AbstractRedisClient::shutdown);
        Optional.ofNullable(resources).ifPresent(ClientResources::shutdown);
    }
}
