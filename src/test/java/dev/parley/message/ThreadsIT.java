package dev.parley.message;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Json;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Threads on the embedded defaults: a reply goes to every member's tabs once, names its thread, and is counted
 * under the thread's first message; the room's collapsed pages leave replies out, the thread call reads them,
 * search finds them, and they count as unread only for the people in the thread.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreadsIT {

    private static final Duration QUIET = Duration.ofMillis(700);

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("threads").archive();
    }

    @ArquillianResource
    URL url;

    ParleyHttp alice;
    ParleyHttp bob;
    ParleyHttp dave;
    ParleyHttp erin;
    ParleyHttp mallory;
    String room;

    @BeforeEach
    void aRoomOfFour() throws Exception {
        URI base = url.toURI();
        alice = ParleyHttp.newUser(base, Names.unique("alice"));
        bob = ParleyHttp.newUser(base, Names.unique("bob"));
        dave = ParleyHttp.newUser(base, Names.unique("dave"));
        erin = ParleyHttp.newUser(base, Names.unique("erin"));
        mallory = ParleyHttp.newUser(base, Names.unique("mallory"));
        room = alice.createRoom("Release", List.of(bob.username(), dave.username(), erin.username()))
                .expect(201).json().getString("id");
    }

    private static String reply(ChatSocket socket, String room, long thread, String body) {
        String clientId = ChatSocket.clientId();
        socket.send(Json.obj("type", "send", "room", room, "clientId", clientId, "body", body, "thread", thread));
        return clientId;
    }

    private static long acked(ChatSocket socket, String clientId) {
        return socket.await(ofType("ack").and(has("clientId", clientId))).getJsonNumber("id").longValue();
    }

    private JsonObject thread(ParleyHttp reader, long id) {
        return reader.get("api/rooms/" + room + "/messages/" + id + "/thread").expect(200).json();
    }

    private static List<Long> ids(JsonArray messages) {
        return messages.getValuesAs(JsonObject.class).stream().map(m -> m.getJsonNumber("id").longValue()).toList();
    }

    private JsonObject listed(ParleyHttp reader) {
        return reader.rooms().expect(200).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(room)).findFirst().orElseThrow();
    }

    @Test
    void repliesReachEveryTabOnceAndAreCountedUnderTheThreadsFirstMessage() throws InterruptedException {
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket bobPhone = ChatSocket.open(bob);
                ChatSocket bobLaptop = ChatSocket.open(bob); ChatSocket daveSocket = ChatSocket.open(dave)) {
            for (ChatSocket socket : List.of(aliceSocket, bobPhone, bobLaptop, daveSocket)) {
                socket.await("ready");
            }
            long root = acked(aliceSocket, aliceSocket.sendMessage(room, "Ship on Friday?"));
            String bobsReply = reply(bobPhone, room, root, "Friday works");
            long fromBob = acked(bobPhone, bobsReply);
            for (ChatSocket socket : List.of(aliceSocket, bobLaptop, daveSocket)) {
                JsonObject seen = socket.await(ofType("message").and(has("clientId", bobsReply)));
                assertEquals(root, seen.getJsonNumber("thread").longValue(), "a reply names its thread");
            }
            // A reply to a reply goes in the same thread: threads are one level deep.
            long fromDave = acked(daveSocket, reply(daveSocket, room, fromBob, "+1"));
            JsonObject daves = aliceSocket.await(ofType("message").and(has("id", fromDave)));
            assertEquals(root, daves.getJsonNumber("thread").longValue());
            assertFalse(aliceSocket.framesOfType("message").get(0).containsKey("thread"), "the first message has none");
            bobLaptop.await(ofType("message").and(has("id", fromDave)));
            Thread.sleep(QUIET.toMillis()); // time for a second copy to arrive, were one sent
            for (ChatSocket socket : List.of(aliceSocket, bobLaptop, daveSocket)) {
                assertEquals(1, socket.framesOfType("message").stream()
                        .filter(m -> m.getJsonNumber("id").longValue() == fromBob).count(), "each tab gets it once");
            }

            JsonArray collapsed = bob.get("api/rooms/" + room + "/messages?threads=collapsed").expect(200).jsonArray();
            assertEquals(List.of(root), ids(collapsed), "replies stay in their thread");
            JsonObject summary = collapsed.getJsonObject(0).getJsonObject("replies");
            assertEquals(2, summary.getInt("count"));
            assertEquals(fromDave, summary.getJsonNumber("lastReplyId").longValue());
            assertEquals(daves.getString("sentAt"), summary.getString("lastReplyAt"));
            assertEquals(List.of(bob.username(), dave.username()).stream().sorted().toList(),
                    summary.getJsonArray("people").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                            .toList());
            JsonArray everything = bob.history(room, null, null).expect(200).jsonArray();
            assertEquals(List.of(root, fromBob, fromDave), ids(everything), "without threads=collapsed, all of it");
            assertEquals(root, everything.getJsonObject(2).getJsonNumber("thread").longValue());

            JsonObject thread = thread(dave, root);
            assertEquals(root, thread.getJsonObject("root").getJsonNumber("id").longValue());
            assertEquals(List.of(fromBob, fromDave), ids(thread.getJsonArray("replies")));
            assertEquals(thread, thread(dave, fromDave), "a reply's thread is its first message's");
            assertEquals(List.of(fromDave), ids(dave.get("api/rooms/" + room + "/messages/" + root
                    + "/thread?after=" + fromBob).expect(200).json().getJsonArray("replies")));

            JsonArray found = erin.get("api/search?q=works").expect(200).jsonArray();
            assertEquals(List.of(fromBob), ids(found), "search finds replies");
            assertEquals(root, found.getJsonObject(0).getJsonNumber("thread").longValue());

            // Alice started the thread: both replies are unread for her. Erin is in the room, not in the thread:
            // only the first message is.
            assertEquals(2, listed(alice).getJsonNumber("unread").longValue());
            assertEquals(1, listed(erin).getJsonNumber("unread").longValue());
            acked(bobPhone, reply(bobPhone, room, root, "@" + erin.username() + " can you test?"));
            assertEquals(2, listed(erin).getJsonNumber("unread").longValue(), "a reply that names her counts");
            assertEquals(1, listed(erin).getJsonNumber("mentions").longValue());

            bob.delete("api/rooms/" + room + "/messages/" + fromBob).expect(204);
            assertEquals(2, thread(alice, root).getJsonObject("root").getJsonObject("replies").getInt("count"),
                    "deleted replies are not counted");
        }
    }

    @Test
    void aReplyGoesOnlyToAMessageOfTheSameRoomAndOnlyMembersReadThreads() {
        String other = alice.createRoom("Elsewhere", List.of(bob.username())).expect(201).json().getString("id");
        try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
            aliceSocket.await("ready");
            long root = acked(aliceSocket, aliceSocket.sendMessage(room, "Question"));
            long elsewhere = acked(aliceSocket, aliceSocket.sendMessage(other, "Other room"));

            String wrongRoom = reply(aliceSocket, room, elsewhere, "lost?");
            JsonObject refused = aliceSocket.await(ofType("error").and(has("clientId", wrongRoom)));
            assertEquals("unknown_message", refused.getString("code"));
            String nowhere = reply(aliceSocket, room, root + 1000, "lost?");
            assertEquals("unknown_message",
                    aliceSocket.await(ofType("error").and(has("clientId", nowhere))).getString("code"));
            aliceSocket.send(Json.obj("type", "send", "room", room, "clientId", ChatSocket.clientId(), "body", "x",
                    "thread", "first"));
            JsonObject malformed = aliceSocket.await(ofType("error").and(has("code", Json.value("bad_request"))));
            assertTrue(malformed.getString("message").contains("thread"), malformed.toString());

            assertEquals("not_member", mallory.get("api/rooms/" + room + "/messages/" + root + "/thread").errorCode());
            assertEquals("unknown_message",
                    bob.get("api/rooms/" + room + "/messages/" + elsewhere + "/thread").errorCode());
            assertEquals("invalid", bob.get("api/rooms/" + room + "/messages?threads=some").errorCode());
            assertEquals(List.of(root), ids(bob.history(room, null, null).expect(200).jsonArray()),
                    "nothing refused was stored");
        }
    }

    @Test
    void aResumeReplaysRepliesWithTheirThread() {
        long root;
        long replied;
        try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
            aliceSocket.await("ready");
            root = acked(aliceSocket, aliceSocket.sendMessage(room, "Notes"));
            replied = acked(aliceSocket, reply(aliceSocket, room, root, "first note"));
        }
        try (ChatSocket bobSocket = ChatSocket.open(bob)) {
            bobSocket.await("ready");
            bobSocket.resume(Map.of(room, 0L));
            bobSocket.await("resumed");
            List<JsonObject> replayed = bobSocket.framesOfType("message");
            assertEquals(List.of(root, replied), replayed.stream().map(m -> m.getJsonNumber("id").longValue()).toList());
            assertEquals(JsonValue.ValueType.NUMBER, replayed.get(1).get("thread").getValueType());
            assertEquals(root, replayed.get(1).getJsonNumber("thread").longValue());
        }
    }
}
