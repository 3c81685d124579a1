package dev.parley.platform;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * One connection to Redis, a single server or a cluster, with the commands both offer: the code using it never
 * asks which. (Lettuce routes each command of a cluster connection to the master owning its key or channel.)
 */
public record RedisLink(StatefulConnection<String, String> connection, RedisClusterCommands<String, String> sync,
        RedisClusterAsyncCommands<String, String> async) implements AutoCloseable {

    public static RedisLink of(StatefulRedisConnection<String, String> single) {
        return new RedisLink(single, single.sync(), single.async());
    }

    public static RedisLink of(StatefulRedisClusterConnection<String, String> cluster) {
        return new RedisLink(cluster, cluster.sync(), cluster.async());
    }

    @Override
    public void close() {
        connection.close();
    }
}
