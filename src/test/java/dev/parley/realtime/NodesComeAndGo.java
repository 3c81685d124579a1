package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.HistoryCheck;
import dev.parley.testing.ParleyHttp;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.RoamingClient;
import dev.parley.testing.TestServices;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fault run: two nodes on PostgreSQL and Redis, real processes on 127.0.0.1, six members of one group room
 * sending all the time, three on each node. Mid-stream one node is killed (kill -9): its people move to the other
 * node without signing in and resume. Then Redis (or, on a cluster, the master of the room's channel) stops for
 * 10 s and starts again. At the end {@link HistoryCheck} compares every client's record with the database, one
 * more message must reach everyone live (the subscriptions came back), and everyone must show online. Bounded: about 30 s of traffic, at most 45 s to settle.
 */
final class NodesComeAndGo {

    /** What stops and starts: a Redis of the run's own, or the master of a Redis Cluster serving the room. */
    interface RedisOutage {
        String url();

        boolean cluster();

        void stop(String room);

        void start();
    }

    static final int MEMBERS = 6;
    static final long TICK_MILLIS = 100;
    static final int KILL_AT_TICK = 50;
    static final int REDIS_STOP_AT_TICK = 100;
    static final int REDIS_START_AT_TICK = 200;
    static final int LAST_SENDING_TICK = 280;
    static final long SETTLE_MILLIS = 45_000;

    private NodesComeAndGo() {
    }

    static void run(String name, RedisOutage redis) throws Exception {
        String schema = TestServices.freshPostgresSchema("it_" + name.replace('-', '_'));
        Map<String, String> settings = new HashMap<>(Map.of(
                "PARLEY_DB_URL", TestServices.postgresUrl(schema),
                "PARLEY_DB_USER", TestServices.POSTGRES_USER,
                "PARLEY_REDIS_URL", redis.url()));
        if (redis.cluster()) {
            settings.put("PARLEY_REDIS_CLUSTER", "true");
        }
        try (ParleyProcess staying = ParleyProcess.start(name + "-staying", settings);
                ParleyProcess doomed = ParleyProcess.start(name + "-doomed", settings)) {
            List<URI> nodes = List.of(staying.base(), doomed.base());
            List<ParleyHttp> people = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                people.add(ParleyHttp.newUser(staying.base(), "p" + i + "-" + Long.toString(System.nanoTime(), 36)));
            }
            String room = people.get(0).createRoom("faults", people.stream().skip(1).map(ParleyHttp::username)
                    .toList()).expect(201).json().getString("id");
            List<RoamingClient> clients = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                ParleyHttp browser = i < MEMBERS / 2 ? people.get(i)
                        : ParleyHttp.signedIn(doomed.base(), people.get(i).username());
                RoamingClient client = new RoamingClient(browser, room);
                client.connect();
                clients.add(client);
            }

            long started = System.nanoTime();
            for (int tick = 0; tick <= LAST_SENDING_TICK; tick++) {
                if (tick == KILL_AT_TICK) {
                    doomed.kill();
                    System.out.printf("%s: killed the second node at %d ms%n", name, millisSince(started));
                }
                if (tick == REDIS_STOP_AT_TICK) {
                    redis.stop(room);
                    System.out.printf("%s: stopped Redis at %d ms%n", name, millisSince(started));
                }
                if (tick == REDIS_START_AT_TICK - 20) {
                    assertEquals(503, new ParleyHttp(staying.base()).get("health/ready").status(),
                            "a node without its Redis is not ready");
                }
                if (tick == REDIS_START_AT_TICK) {
                    redis.start();
                    System.out.printf("%s: started Redis again at %d ms%n", name, millisSince(started));
                }
                for (RoamingClient client : clients) {
                    client.tick(nodes, tick % 2 == 0);
                }
                Thread.sleep(TICK_MILLIS);
            }

            List<Long> stored = List.of();
            long settleDeadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
            while (System.nanoTime() < settleDeadline) {
                clients.forEach(client -> client.tick(nodes, false));
                stored = storedIds(schema, room);
                int storedCount = stored.size();
                if (clients.stream().allMatch(client -> client.unackedCount() == 0
                        && client.received().size() >= storedCount)) {
                    break;
                }
                Thread.sleep(500);
            }
            stored = storedIds(schema, room);

            Set<Long> acked = new HashSet<>();
            Map<String, List<Long>> received = new HashMap<>();
            for (RoamingClient client : clients) {
                acked.addAll(client.ackedIds());
                received.put(client.name(), client.received());
            }
            List<HistoryCheck.Finding> findings = HistoryCheck.check(stored, acked, received);
            System.out.printf("%s: %d sent, %d acked, %d stored, %d reconnects, %d findings, settled at %d ms%n",
                    name, clients.stream().mapToInt(RoamingClient::sent).sum(), acked.size(), stored.size(),
                    clients.stream().mapToInt(RoamingClient::reconnects).sum(), findings.size(),
                    millisSince(started));
            assertEquals(List.of(), findings.stream().limit(20).toList(), () -> findings.stream()
                    .collect(Collectors.groupingBy(HistoryCheck.Finding::kind, Collectors.counting())).toString());
            assertEquals(0, clients.stream().mapToInt(RoamingClient::repeatsAfterResumed).sum(),
                    "after resumed, no message a client had already came again");
            assertEquals(clients.stream().mapToInt(RoamingClient::sent).sum(), acked.size(),
                    "every message sent was acked once it was sent again");
            assertTrue(clients.stream().allMatch(client -> client.reconnects() >= (client.browser().base()
                    .getPort() == staying.base().getPort() ? 0 : 1)));

            // One last message, with nothing after it to reveal a gap: it arrives only if the node's subscription
            // to the room is live again after the outage (a catch-up needs a later message to notice the gap).
            clients.get(0).tick(nodes, true);
            int expected = stored.size() + 1;
            long lastDeadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < lastDeadline
                    && !clients.stream().allMatch(client -> client.received().size() == expected)) {
                clients.forEach(client -> client.tick(nodes, false));
                Thread.sleep(50);
            }
            assertTrue(clients.stream().allMatch(client -> client.received().size() == expected),
                    "a message after the outage reaches everyone live, within 5 s");

            ParleyHttp observer = clients.get(0).browser();
            Set<String> online = observer.users().expect(200).objects().stream()
                    .filter(user -> user.getBoolean("online")).map(user -> user.getString("username"))
                    .collect(Collectors.toSet());
            assertEquals(people.stream().map(ParleyHttp::username).collect(Collectors.toSet()), online,
                    "everyone is online (on the node left), nobody twice, nobody a ghost");
            clients.forEach(RoamingClient::close);
        }
    }

    private static List<Long> storedIds(String schema, String room) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestServices.postgresUrl(schema),
                TestServices.POSTGRES_USER, "");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id FROM messages WHERE room_id = ? ORDER BY id")) {
            query.setString(1, room);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
