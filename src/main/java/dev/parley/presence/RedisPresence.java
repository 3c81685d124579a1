package dev.parley.presence;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import dev.parley.platform.RedisLink;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Presence shared by every node through Redis. The hash {@code parley:{presence}} counts each user's connections
 * over all nodes; each node also keeps its own share in {@code parley:{presence}:<node>}, and says it is alive in the
 * sorted set {@code parley:{presence}:nodes} (its last heartbeat, by Redis's clock). A node whose heartbeat is older
 * than {@link #STALE_AFTER} died without goodbye: the next heartbeat of any node takes its share off the counts and
 * reports who went offline. Every change is one script, atomic in Redis. A node id is new at each start, so a node
 * that starts again inherits nothing; its old share goes when its old heartbeat is stale.
 */
class RedisPresence implements Presence {

    // One hash tag for all of them: the scripts touch several at once, which a Redis Cluster allows only within
    // one slot.
    static final String ALL_NODES = "parley:{presence}";
    static final String NODES = "parley:{presence}:nodes";
    static final String SHARE_PREFIX = "parley:{presence}:";
    /** Heartbeats come every 2 s (PresenceHeartbeat): four missed ones make a node dead, within about 10 s in all. */
    static final Duration STALE_AFTER = Duration.ofSeconds(8);

    private static final String ADD = """
            local n = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
            redis.call('HINCRBY', KEYS[2], ARGV[1], ARGV[2])
            if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
            if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '1') <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
            return n
            """;

    /**
     * KEYS: nodes, all-nodes counts. ARGV: this node, stale after (ms), share prefix. Stamps this node, takes every
     * stale node's share off the counts, and answers {was this node missing (1/0), users now offline...}.
     */
    private static final String HEARTBEAT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local missing = redis.call('ZADD', KEYS[1], now, ARGV[1])
            local result = {missing}
            for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))) do
              local share = ARGV[3] .. node
              local counts = redis.call('HGETALL', share)
              for i = 1, #counts, 2 do
                local n = redis.call('HINCRBY', KEYS[2], counts[i], -tonumber(counts[i + 1]))
                if n <= 0 then
                  redis.call('HDEL', KEYS[2], counts[i])
                  table.insert(result, counts[i])
                end
              end
              redis.call('DEL', share)
              redis.call('ZREM', KEYS[1], node)
            end
            return result
            """;

    /** KEYS: nodes, all-nodes counts, this node's share. ARGV: this node. Takes its share off and forgets it. */
    private static final String GOODBYE = """
            local counts = redis.call('HGETALL', KEYS[3])
            for i = 1, #counts, 2 do
              if redis.call('HINCRBY', KEYS[2], counts[i], -tonumber(counts[i + 1])) <= 0 then
                redis.call('HDEL', KEYS[2], counts[i])
              end
            end
            redis.call('DEL', KEYS[3])
            redis.call('ZREM', KEYS[1], ARGV[1])
            return #counts / 2
            """;

    static final long RETRY_PAUSE_MILLIS = 200;
    static final long LONGEST_PAUSE_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(RedisPresence.class.getName());

    private final RedisLink connection;
    private final String nodeId;
    private final String nodeKey;
    private final long staleAfterMillis;
    /** This node's own counts, to put back if other nodes took it for dead. */
    private final Map<String, Integer> local = new ConcurrentHashMap<>();
    private volatile boolean beating;

    RedisPresence(RedisLink connection, String nodeId) {
        this(connection, nodeId, STALE_AFTER);
    }

    RedisPresence(RedisLink connection, String nodeId, Duration staleAfter) {
        this.connection = connection;
        this.nodeId = nodeId;
        this.nodeKey = SHARE_PREFIX + nodeId;
        this.staleAfterMillis = staleAfter.toMillis();
    }

    @Override
    public boolean connected(String username) {
        local.merge(username, 1, Integer::sum);
        return add(username, 1) == 1;
    }

    @Override
    public boolean disconnected(String username) {
        local.computeIfPresent(username, (user, count) -> count <= 1 ? null : count - 1);
        return add(username, -1) <= 0;
    }

    /**
     * Changes the user's count and answers the new one. If Redis does not take the change, it is logged and tried
     * again in the background until it does (a lost decrement would show the user online for good); meanwhile the
     * answer is "no change", so no presence event goes out for it.
     */
    private long add(String username, int delta) {
        try {
            RedisClusterCommands<String, String> redis = connection.sync();
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

    @Override
    public Changes heartbeat() {
        List<Object> result = connection.sync().eval(HEARTBEAT, ScriptOutputType.MULTI,
                new String[] {NODES, ALL_NODES}, nodeId, Long.toString(staleAfterMillis), SHARE_PREFIX);
        boolean missing = ((Long) result.get(0)) == 1;
        Set<String> offline = new HashSet<>();
        for (Object user : result.subList(1, result.size())) {
            offline.add((String) user);
        }
        Set<String> online = Set.of();
        if (missing && beating) {
            // Taken for dead during a pause (and our share with it): our people are still here, count them again.
            LOG.warning("This node was taken for dead by the others (no heartbeat for " + staleAfterMillis
                    + " ms); counting its connections again");
            online = recount();
            offline.removeAll(online);
        }
        beating = true;
        return new Changes(online, offline);
    }

    private Set<String> recount() {
        Set<String> back = new HashSet<>();
        local.forEach((user, count) -> {
            if (count > 0 && add(user, count) == count) {
                back.add(user);
            }
        });
        return back;
    }

    /** Goodbye: this node's share leaves the counts at once (its sockets have closed by now). */
    void close() {
        try {
            connection.sync().eval(GOODBYE, ScriptOutputType.INTEGER, new String[] {NODES, ALL_NODES, nodeKey},
                    nodeId);
        } catch (RedisException gone) {
            LOG.log(Level.INFO, "Could not say goodbye to Redis; the others will find this node stale", gone);
        }
        connection.close();
    }
}
