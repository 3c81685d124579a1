package dev.parley.presence;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Set;

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

    private long add(String username, int delta) {
        RedisCommands<String, String> redis = connection.sync();
        Long count = redis.eval(ADD, ScriptOutputType.INTEGER, new String[] {ALL_NODES, nodeKey},
                username, Integer.toString(delta));
        return count == null ? 0 : count;
    }

    @Override
    public Set<String> online() {
        return Set.copyOf(connection.sync().hkeys(ALL_NODES));
    }

    void close() {
        connection.close();
    }
}
