package dev.parley.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.RedisLink;
import dev.parley.testing.TestServices;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presence of several nodes in a real Redis (127.0.0.1:6379), each node a {@link RedisPresence} of its own, with
 * heartbeats that go stale after 300 ms instead of 9 s so that a node's death shows within the test.
 */
class RedisPresenceIT {

    private static final Duration STALE = Duration.ofMillis(300);

    private final RedisClient client = RedisClient.create(TestServices.REDIS_URL);

    @BeforeEach
    void emptyPresence() {
        try (var connection = client.connect()) {
            var keys = connection.sync().keys(RedisPresence.ALL_NODES + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        }
    }

    @AfterEach
    void closeClient() {
        client.shutdown();
    }

    private RedisPresence node(String id) {
        return new RedisPresence(RedisLink.of(client.connect()), id, STALE);
    }

    @Test
    void theUsersOfANodeThatStopsBeatingGoOfflineAtTheNextHeartbeatOfAnother() throws Exception {
        RedisPresence one = node("one");
        RedisPresence killed = node("killed");
        one.heartbeat();
        killed.heartbeat();
        one.connected("alice");
        killed.connected("bob");
        killed.connected("bob");
        killed.connected("alice"); // alice has a tab on both nodes
        assertEquals(Set.of("alice", "bob"), one.online());

        Thread.sleep(STALE.toMillis() + 200); // "killed" never beats again
        Presence.Changes changes = one.heartbeat();

        assertEquals(Set.of("bob"), changes.offline(), "alice still has her tab on the live node");
        assertEquals(Set.of("alice"), one.online());
        assertTrue(one.disconnected("alice"), "her last tab anywhere closes: offline");
        assertEquals(Set.of(), one.online());
        one.close();
    }

    @Test
    void aNodeTakenForDeadDuringAPauseCountsItsPeopleAgain() throws Exception {
        RedisPresence paused = node("paused");
        RedisPresence other = node("other");
        paused.heartbeat();
        paused.connected("carol");
        Thread.sleep(STALE.toMillis() + 200);
        assertEquals(Set.of("carol"), other.heartbeat().offline(), "the other node takes the paused one for dead");

        Presence.Changes back = paused.heartbeat();

        assertEquals(Set.of("carol"), back.online(), "carol is announced online again");
        assertEquals(Set.of("carol"), other.online());
        assertTrue(paused.disconnected("carol"));
        assertFalse(other.online().contains("carol"));
        paused.close();
        other.close();
    }

    @Test
    void aNodeThatSaysGoodbyeTakesItsShareAlongAndARestartInheritsNothing() {
        RedisPresence first = node("first-life");
        first.heartbeat();
        first.connected("dave");
        first.close(); // a clean stop: its sockets were closed, its share goes now

        RedisPresence again = node("second-life");
        again.heartbeat();
        assertEquals(Set.of(), again.online());
        again.close();
    }
}
