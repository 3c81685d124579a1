package dev.parley.realtime;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Json;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.TestServices;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The same chat scenarios as Parley runs when it outgrows one machine: PostgreSQL for storage, Redis pub/sub
 * for fan-out and Redis for presence, real servers on 127.0.0.1. And one scenario only several nodes have:
 * Alice on one node, Bob on another.
 */
class ScaledOutChatIT extends ChatScenarios {

    private static final String SCHEMA = "it_scaled_out";
    private static final String ADMIN = "sam";
    /** What a second node is started with: the deployment's database and Redis, as environment variables. */
    private static final Map<String, String> SAME_SERVICES = Map.of(
            "PARLEY_DB_URL", TestServices.postgresUrl(SCHEMA),
            "PARLEY_DB_USER", TestServices.POSTGRES_USER,
            "PARLEY_REDIS_URL", TestServices.REDIS_URL);

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onPostgres(TestServices.freshPostgresSchema(SCHEMA))
                .with("parley.redis.url", TestServices.REDIS_URL)
                .with("parley.admin-users", ADMIN)
                .archive();
    }

    @Test
    void aliceOnOneNodeReachesBobOnAnother() {
        try (ParleyProcess secondNode = ParleyProcess.start("scaled-out-second-node", SAME_SERVICES)) {
            ParleyHttp bobThere = ParleyHttp.signedIn(secondNode.base(), bob.username());
            try (ChatSocket aliceHere = ChatSocket.open(alice); ChatSocket bobThereSocket = ChatSocket.open(bobThere)) {
                aliceHere.await("ready");
                bobThereSocket.await("ready");
                aliceHere.await(ofType("presence").and(has("user", bob.username())).and(has("online", true)));

                String clientId = aliceHere.sendMessage(room, "across nodes");
                JsonObject received = bobThereSocket.await(ofType("message").and(has("clientId", clientId)));
                assertEquals("across nodes", received.getString("body"));

                String reply = bobThereSocket.sendMessage(room, "and back");
                aliceHere.await(ofType("message").and(has("clientId", reply)));

                // An admin here disables Bob: his socket on the other node closes too (over Redis).
                ParleyHttp admin = ParleyHttp.newUser(alice.base(), ADMIN);
                admin.patch("api/admin/users/" + bob.username(), Json.obj("disabled", true)).expect(200);
                assertEquals(1008, bobThereSocket.awaitClose(Duration.ofSeconds(1)));
                assertEquals("Account disabled", bobThereSocket.closeReason());
                assertEquals("account_disabled", bobThere.me().errorCode(), "and his session there is over");
            }
        }
    }

    @Test
    void whenANodeIsKilledItsPeopleGoOfflineAndMoveToAnotherNodeStillSignedIn() {
        try (ParleyProcess doomedNode = ParleyProcess.start("scaled-out-killed-node", SAME_SERVICES)) {
            ParleyHttp bobThere = ParleyHttp.signedIn(doomedNode.base(), bob.username());
            try (ChatSocket aliceHere = ChatSocket.open(alice)) {
                aliceHere.await("ready");
                ChatSocket bobThereSocket = ChatSocket.open(bobThere); // dies with its node
                bobThereSocket.await("ready");
                aliceHere.await(ofType("presence").and(has("user", bob.username())).and(has("online", true)));
                String before = aliceHere.sendMessage(room, "before the crash");
                long lastSeen = bobThereSocket.await(ofType("message").and(has("clientId", before))).getJsonNumber("id")
                        .longValue();

                long killedAt = System.nanoTime();
                doomedNode.kill();

                aliceHere.await(ofType("presence").and(has("user", bob.username())).and(has("online", false)),
                        Duration.ofSeconds(15));
                System.out.printf("Bob went offline %d ms after his node was killed%n",
                        (System.nanoTime() - killedAt) / 1_000_000);
                assertFalse(alice.users().expect(200).objects().stream().anyMatch(user ->
                        user.getString("username").equals(bob.username()) && user.getBoolean("online")));
                String meanwhile = aliceHere.sendMessage(room, "while you were away");

                // His browser reaches the surviving node, as a load balancer would send it: still signed in.
                ParleyHttp bobMoved = bobThere.at(alice.base());
                assertEquals(bob.username(), bobMoved.me().expect(200).json().getString("username"));
                try (ChatSocket bobHere = ChatSocket.open(bobMoved)) {
                    bobHere.await("ready");
                    bobHere.resume(Map.of(room, lastSeen));
                    JsonObject replayed = bobHere.await(ofType("message"));
                    assertEquals(meanwhile, replayed.getString("clientId"));
                    bobHere.await("resumed");
                    aliceHere.await(ofType("presence").and(has("user", bob.username())).and(has("online", true)));
                }
            }
        }
    }

    @Test
    void signingOutOnOneNodeClosesThatSignInsSocketsOnEveryNode() {
        try (ParleyProcess secondNode = ParleyProcess.start("scaled-out-sign-out-node", SAME_SERVICES)) {
            ParleyHttp bobThere = bob.at(secondNode.base());
            ParleyHttp bobOnHisPhone = ParleyHttp.signedIn(secondNode.base(), bob.username());
            try (ChatSocket laptopThere = ChatSocket.open(bobThere); ChatSocket phone = ChatSocket.open(bobOnHisPhone)) {
                laptopThere.await("ready");
                phone.await("ready");
                bobThere.me().expect(200);
                ParleyHttp stolen = bobThere.withCopiedCookies(); // the other node's session and the sign-in's secret

                bob.signOut().expect(204);

                assertEquals(1000, laptopThere.awaitClose(Duration.ofSeconds(5)));
                assertEquals("Signed out", laptopThere.closeReason());
                assertEquals(401, stolen.me().status(), "neither the other node's session nor the secret works again");
                assertEquals(401, bobThere.me().status());
                String stillHere = phone.sendMessage(room, "my phone is still signed in");
                phone.await(ofType("ack").and(has("clientId", stillHere)));
            }
        }
    }
}
