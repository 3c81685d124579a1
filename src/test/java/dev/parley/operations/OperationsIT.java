package dev.parley.operations;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.TestRedis;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a load balancer and an operator see of a node: its health (ready, live) and its figures, without signing
 * in; and a node whose Redis stops is unready until Redis is back, while staying live.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("operations").archive();
    }

    @ArquillianResource
    URL url;

    @Test
    void aNodeSaysItIsReadyAndLiveAndCountsWhatItDoes() throws Exception {
        URI base = url.toURI();
        ParleyHttp stranger = new ParleyHttp(base);
        ParleyHttp.Reply ready = stranger.get("health/ready").expect(200);
        assertEquals("UP", ready.json().getString("status"));
        assertEquals(Map.of("database", "UP", "redis", "UP", "message-writer", "UP"), checks(ready.json()));
        assertEquals("UP", stranger.get("health/live").expect(200).json().getString("status"));

        ParleyHttp alice = ParleyHttp.newUser(base, Names.unique("alice"));
        ParleyHttp bob = ParleyHttp.newUser(base, Names.unique("bob"));
        String room = alice.direct(bob.username()).expect(200).json().getString("id");
        double storedBefore = figure(stranger, "parley_messages_stored");
        double deliveredBefore = figure(stranger, "parley_deliveries");
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket bobSocket = ChatSocket.open(bob);
                ChatSocket bobsOtherTab = ChatSocket.open(bob)) {
            aliceSocket.await("ready");
            bobSocket.await("ready");
            bobsOtherTab.await("ready");
            assertEquals(3, figure(stranger, "parley_connections_open"));

            String clientId = aliceSocket.sendMessage(room, "counted");
            bobSocket.await(ofType("message").and(has("clientId", clientId)));
            bobsOtherTab.await(ofType("message").and(has("clientId", clientId)));
            aliceSocket.await(ofType("ack").and(has("clientId", clientId)));
            // The figures follow the frames by a moment (counted once the step is done), so they are awaited.
            awaitFigure(stranger, "parley_messages_stored", storedBefore + 1);
            awaitFigure(stranger, "parley_deliveries", deliveredBefore + 3); // Alice's tab and Bob's two
            assertEquals(0, figure(stranger, "parley_writer_queue"));
        }
    }

    @Test
    void aNodeWhoseRedisStopsIsUnreadyUntilItIsBackButStaysLive() {
        try (TestRedis redis = TestRedis.start("operations");
                ParleyProcess node = ParleyProcess.start("operations-redis-node",
                        Map.of("PARLEY_REDIS_URL", redis.url()))) {
            ParleyHttp probe = new ParleyHttp(node.base());
            probe.get("health/ready").expect(200);

            redis.stop();
            ParleyHttp.Reply unready = awaitStatus(probe, "health/ready", 503);
            assertEquals("DOWN", checks(unready.json()).get("redis"));
            assertEquals("UP", checks(unready.json()).get("database"));
            probe.get("health/live").expect(200);

            redis.startAgain();
            awaitStatus(probe, "health/ready", 200);
        }
    }

    private static Map<String, String> checks(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(
                check -> check.getString("name"), check -> check.getString("status")));
    }

    /** The value of a gauge in the application's metrics (Prometheus' text format). */
    private static double figure(ParleyHttp client, String name) {
        String text = client.getText("metrics?scope=application").expect(200).body();
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(text);
        assertTrue(value.find(), () -> name + " in " + text);
        return Double.parseDouble(value.group(1));
    }

    private static void awaitFigure(ParleyHttp client, String name, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (figure(client, name) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, figure(client, name), name);
    }

    private static ParleyHttp.Reply awaitStatus(ParleyHttp client, String path, int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        ParleyHttp.Reply reply = client.get(path);
        while (reply.status() != status && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = client.get(path);
        }
        ParleyHttp.Reply last = reply;
        assertEquals(status, last.status(), () -> path + ": " + last);
        return last;
    }
}
