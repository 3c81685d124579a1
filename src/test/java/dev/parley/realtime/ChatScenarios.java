package dev.parley.realtime;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people chatting privately, and everything the protocol promises about it. Run once per way Parley is
 * deployed: the subclasses only say which database and which bus.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ChatScenarios {

    static final Duration QUIET = Duration.ofMillis(700);

    @ArquillianResource
    URL url;

    ParleyHttp alice;
    ParleyHttp bob;
    String room;

    @BeforeEach
    void aliceAndBobHaveAPrivateRoom() throws Exception {
        URI base = url.toURI();
        alice = ParleyHttp.newUser(base, Names.unique("alice"));
        bob = ParleyHttp.newUser(base, Names.unique("bob"));
        JsonObject direct = alice.direct(bob.username()).expect(200).json();
        room = direct.getString("id");
        assertEquals("direct", direct.getString("kind"));
        assertEquals(List.of(alice.username(), bob.username()).stream().sorted().toList(),
                direct.getJsonArray("members").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void bothSidesOfAPairFindTheSameRoom() {
        JsonObject fromBob = bob.direct(alice.username()).expect(200).json();
        assertEquals(room, fromBob.getString("id"));
        assertEquals("unknown_user", alice.direct("nobody-" + Names.unique("x")).errorCode());
    }

    @Test
    void aliceSendsAndBobReceivesInRealTime() {
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket bobSocket = ChatSocket.open(bob)) {
            aliceSocket.await("ready");
            bobSocket.await("ready");

            String clientId = ChatSocket.clientId();
            aliceSocket.sendMessage(room, clientId, "Hi Bob!");

            JsonObject received = bobSocket.await(ofType("message").and(has("clientId", clientId)));
            assertEquals("Hi Bob!", received.getString("body"));
            assertEquals(alice.username(), received.getString("sender"));
            assertEquals(room, received.getString("room"));
            assertTrue(received.getString("sentAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));

            JsonObject ack = aliceSocket.await(ofType("ack").and(has("clientId", clientId)));
            assertEquals(received.getJsonNumber("id").longValue(), ack.getJsonNumber("id").longValue());
            assertEquals(room, ack.getString("room"));
            aliceSocket.await(ofType("message").and(has("clientId", clientId)));
            aliceSocket.assertNoFrame(new SecondOf(ofType("ack").and(has("clientId", clientId))), QUIET);
        }
    }

    @Test
    void resendingTheSameClientIdStoresNothingNew() {
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket bobSocket = ChatSocket.open(bob)) {
            aliceSocket.await("ready");
            bobSocket.await("ready");
            String clientId = ChatSocket.clientId();

            aliceSocket.sendMessage(room, clientId, "only once");
            long first = aliceSocket.await(ofType("ack").and(has("clientId", clientId))).getJsonNumber("id")
                    .longValue();
            aliceSocket.sendMessage(room, clientId, "only once");
            long second = aliceSocket.await(ofType("ack").and(has("clientId", clientId))).getJsonNumber("id")
                    .longValue();

            assertEquals(first, second, "the resend answers the same ack");
            bobSocket.await(ofType("message").and(has("clientId", clientId)));
            bobSocket.assertNoFrame(new SecondOf(ofType("message").and(has("clientId", clientId))), QUIET);
            assertEquals(1, bob.history(room, null, null).expect(200).jsonArray().size());
        }
    }

    @Test
    void outsiderCanNeitherReadNorWriteNorOverhear() throws Exception {
        ParleyHttp carol = ParleyHttp.newUser(url.toURI(), Names.unique("carol"));
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket carolSocket = ChatSocket.open(carol)) {
            aliceSocket.await("ready");
            carolSocket.await("ready");

            ParleyHttp.Reply history = carol.history(room, null, null);
            assertEquals(403, history.status());
            assertEquals("not_member", history.errorCode());

            String clientId = ChatSocket.clientId();
            carolSocket.sendMessage(room, clientId, "let me in");
            assertEquals("not_member", carolSocket.await(ofType("error").and(has("clientId", clientId)))
                    .getString("code"));

            aliceSocket.sendMessage(room, ChatSocket.clientId(), "just for Bob");
            aliceSocket.await("ack");
            carolSocket.assertNoFrame(ofType("message"), QUIET);

            carolSocket.resume(Map.of(room, 0L));
            assertEquals("not_member", carolSocket.await("error").getString("code"));
            carolSocket.await("resumed");
            carolSocket.assertNoFrame(ofType("message"), QUIET);
            assertEquals(1, alice.history(room, null, null).jsonArray().size(), "the outsider stored nothing");
        }
    }

    @Test
    void resumeReplaysExactlyTheMissedMessagesInOrder() {
        long lastSeen;
        try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
            aliceSocket.await("ready");
            try (ChatSocket bobSocket = ChatSocket.open(bob)) {
                bobSocket.await("ready");
                aliceSocket.sendMessage(room, ChatSocket.clientId(), "before the tunnel");
                lastSeen = bobSocket.await("message").getJsonNumber("id").longValue();
            }
            List<Long> missed = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String clientId = ChatSocket.clientId();
                aliceSocket.sendMessage(room, clientId, "while Bob was away " + i);
                missed.add(aliceSocket.await(ofType("ack").and(has("clientId", clientId))).getJsonNumber("id")
                        .longValue());
            }
            try (ChatSocket bobAgain = ChatSocket.open(bob)) {
                bobAgain.await("ready");
                bobAgain.resume(Map.of(room, lastSeen));
                List<JsonObject> replayed = bobAgain.awaitMessages(room, 5, Duration.ofSeconds(10));
                bobAgain.await("resumed");
                assertEquals(missed, replayed.stream().map(m -> m.getJsonNumber("id").longValue()).toList());
                assertEquals("while Bob was away 1", replayed.get(0).getString("body"));
                bobAgain.assertNoFrame(new SecondOf(ofType("message").and(has("body", "while Bob was away 5"))),
                        QUIET);
                assertEquals(5, bobAgain.framesOfType("message").size(), "nothing before the tunnel again");
            }
        }
    }

    @Test
    void badFramesGetErrorsAndTheConnectionStaysOpen() {
        try (ChatSocket socket = ChatSocket.open(alice)) {
            socket.await("ready");
            socket.send("{not json");
            assertEquals("bad_request", socket.await("error").getString("code"));
            socket.send("{\"type\":\"dance\"}");
            assertEquals("bad_request", socket.await("error").getString("code"));
            socket.send("{\"type\":\"send\",\"room\":\"" + room + "\"}");
            assertEquals("bad_request", socket.await("error").getString("code"));

            String tooLong = ChatSocket.clientId();
            socket.sendMessage(room, tooLong, "x".repeat(4001));
            assertEquals("too_large", socket.await(ofType("error").and(has("clientId", tooLong))).getString("code"));
            String blank = ChatSocket.clientId();
            socket.sendMessage(room, blank, "   ");
            assertEquals("bad_request", socket.await(ofType("error").and(has("clientId", blank))).getString("code"));
            String nowhere = ChatSocket.clientId();
            socket.sendMessage(room + "-gone", nowhere, "hello?");
            assertEquals("unknown_room", socket.await(ofType("error").and(has("clientId", nowhere)))
                    .getString("code"));

            socket.ping();
            socket.await("pong");
            assertEquals(0, alice.history(room, null, null).jsonArray().size(), "nothing was stored");

            String fits = ChatSocket.clientId();
            socket.sendMessage(room, fits, "é".repeat(4000));
            socket.await(ofType("ack").and(has("clientId", fits)));
        }
    }

    @Test
    void scriptInABodyComesBackAsTheSameText() {
        String script = "<script>alert('hi')</script> & <b>bold</b>";
        try (ChatSocket socket = ChatSocket.open(alice)) {
            socket.await("ready");
            String clientId = socket.sendMessage(room, script);
            socket.await(ofType("ack").and(has("clientId", clientId)));
        }
        assertEquals(script, bob.history(room, null, null).jsonArray().getJsonObject(0).getString("body"));
    }

    @Test
    void presenceFollowsTheLastOpenTab() {
        try (ChatSocket bobSocket = ChatSocket.open(bob)) {
            bobSocket.await("ready");
            ChatSocket firstTab = ChatSocket.open(alice);
            bobSocket.await(ofType("presence").and(has("user", alice.username())).and(has("online", true)));
            assertTrue(isOnline(bob, alice.username()));

            ChatSocket secondTab = ChatSocket.open(alice);
            secondTab.await("ready");
            firstTab.close();
            bobSocket.assertNoFrame(ofType("presence").and(has("user", alice.username())).and(has("online", false)),
                    QUIET);
            assertTrue(isOnline(bob, alice.username()), "a second tab keeps Alice online");

            secondTab.close();
            bobSocket.await(ofType("presence").and(has("user", alice.username())).and(has("online", false)));
            assertFalse(isOnline(bob, alice.username()));
        }
    }

    private static boolean isOnline(ParleyHttp viewer, String username) {
        return viewer.users().expect(200).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(user -> user.getString("username").equals(username))
                .findFirst().orElseThrow().getBoolean("online");
    }

    @Test
    void historyPagesBackwardsOldestFirst() {
        List<Long> ids = new ArrayList<>();
        try (ChatSocket socket = ChatSocket.open(alice)) {
            socket.await("ready");
            for (int i = 1; i <= 5; i++) {
                String clientId = socket.sendMessage(room, "message " + i);
                ids.add(socket.await(ofType("ack").and(has("clientId", clientId))).getJsonNumber("id").longValue());
            }
        }
        List<JsonObject> newest = bob.history(room, null, 2).expect(200).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(ids.subList(3, 5), newest.stream().map(m -> m.getJsonNumber("id").longValue()).toList());
        List<JsonObject> older = bob.history(room, ids.get(3), 2).expect(200).jsonArray()
                .getValuesAs(JsonObject.class);
        assertEquals(ids.subList(1, 3), older.stream().map(m -> m.getJsonNumber("id").longValue()).toList());
        assertEquals(404, bob.history(room + "-gone", null, null).status());
        assertEquals("invalid", bob.get("api/rooms/" + room + "/messages?before=yesterday").errorCode());
    }

    @Test
    void batchingClientGetsEveryMessageInOrder() {
        try (ChatSocket aliceSocket = ChatSocket.open(alice);
                ChatSocket bobSocket = ChatSocket.open(bob, ChatSocket.Options.defaults().batch())) {
            aliceSocket.await("ready");
            bobSocket.await("ready");
            assertEquals("parley.batch", bobSocket.negotiatedSubprotocol());
            for (int i = 1; i <= 20; i++) {
                aliceSocket.sendMessage(room, ChatSocket.clientId(), "burst " + i);
            }
            List<JsonObject> received = bobSocket.awaitMessages(room, 20, Duration.ofSeconds(15));
            for (int i = 1; i < received.size(); i++) {
                assertTrue(received.get(i).getJsonNumber("id").longValue()
                        > received.get(i - 1).getJsonNumber("id").longValue(), "rising ids");
            }
            assertEquals("burst 20", received.get(19).getString("body"));
            assertTrue(aliceSocket.protocolViolations().isEmpty(), "no arrays for a client that did not ask");
        }
    }

    @Test
    void aFloodIsSlowedDownWithoutLosingWhatWasAccepted() {
        try (ChatSocket socket = ChatSocket.open(alice)) {
            socket.await("ready");
            for (int i = 0; i < 60; i++) {
                socket.sendMessage(room, ChatSocket.clientId(), "flood " + i);
            }
            List<JsonObject> answers = socket.await(ofType("ack").or(ofType("error").and(has("code", "rate_limited"))),
                    60, Duration.ofSeconds(20));
            long acked = answers.stream().filter(ofType("ack")).count();
            assertTrue(acked >= 10 && acked < 60, "every send answered, some acked and some refused: acked " + acked);
            assertEquals(acked, alice.history(room, null, 200).jsonArray().size());
        }
    }

    /** Matches the second frame that matches {@code inner}: for "no second one" assertions. */
    static final class SecondOf implements java.util.function.Predicate<JsonObject> {
        private final java.util.function.Predicate<JsonObject> inner;
        private int seen;

        SecondOf(java.util.function.Predicate<JsonObject> inner) {
            this.inner = inner;
        }

        @Override
        public synchronized boolean test(JsonObject frame) {
            return inner.test(frame) && ++seen >= 2;
        }
    }
}
