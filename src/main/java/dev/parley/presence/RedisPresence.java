package dev.parley.presence;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Presence shared by every node through Redis. The hash {@code parley:presence} counts each user's connections
 * over all nodes; each node also keeps its own share in {@code parley:presence:<node>}, so that the connections
 * of a node that died without closing them can be found and taken off (the multi-node work will add the node
 * heartbeat that tells a dead node). Both counts change in one script, atomically.
 */
class RedisPresence implements Presence {

    static final String ALL_NODES = "parley:presence";

    private static final String ADD = """
            local n = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
            redis.call('HINCRBY', KEYS[2], ARGV[1], ARGV[2])
            if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
            if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '1') <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
            return n
            """;

    static final long RETRY_PAUSE_MILLIS = 200;
    static final long LONGEST_PAUSE_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(RedisPresence.class.getName());

    private final StatefulRedisConnection<String, String> connection;
    private final String nodeKey;

    RedisPresence(StatefulRedisConnection<String, String> connection, String nodeId) {
        this.connection = connection;
        this.nodeKey = ALL_NODES + ":" + nodeId;
    }

    @Override
    public boolean connected(String username) {
        return add(username, 1) == 1;
    }

    @Override
    public boolean disconnected(String username) {
        return add(username, -1) <= 0;
    }

    /**
     * Changes the user's count and answers the new one. If Redis does not take the change, it is logged and tried
     * again in the background until it does (a lost decrement would show the user online for good); meanwhile the
     * answer is "no change", so no presence event goes out for it.
     */
    private long add(String username, int delta) {
        try {
            RedisCommands<String, String> redis = connection.sync();
            Long count = redis.eval(ADD, ScriptOutputType.INTEGER, new String[] {ALL_NODES, nodeKey},
                    username, Integer.toString(delta));
            return count == null ? 0 : count;
        } catch (RedisException failed) {
            LOG.log(Level.WARNING, "Could not change the presence of " + username + " in Redis; trying again", failed);
            retry(username, delta, 1);
            return delta > 0 ? 0 : 1;
        }
    }

    private void retry(String username, int delta, int attempt) {
        CompletableFuture.delayedExecutor(Math.min(RETRY_PAUSE_MILLIS << Math.min(attempt - 1, 8),
                LONGEST_PAUSE_MILLIS), TimeUnit.MILLISECONDS).execute(() -> connection.async()
                .<Long>eval(ADD, ScriptOutputType.INTEGER, new String[] {ALL_NODES, nodeKey}, username,
                        Integer.toString(delta))
                .whenComplete((count, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, () -> "Presence of " + username + " still not changed in Redis (attempt "
                                + attempt + "): " + failure);
                        retry(username, delta, attempt + 1);
                    }
                }));
    }

    @Override
    public Set<String> online() {
        return Set.copyOf(connection.sync().hkeys(ALL_NODES));
    }

    void close() {
        connection.close();
    }
}
