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
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Emoji reactions on the embedded defaults: members react, every member's tabs see each change once. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReactionsIT {

    private static final String THUMBS_UP = "\uD83D\uDC4D";
    private static final String PARTY = "\uD83C\uDF89";
    private static final Duration QUIET = Duration.ofMillis(700);

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("reactions").archive();
    }

    @ArquillianResource
    URL url;

    ParleyHttp alice;
    ParleyHttp bob;
    ParleyHttp carol;
    String room;

    @BeforeEach
    void aRoomOfTwo() throws Exception {
        URI base = url.toURI();
        alice = ParleyHttp.newUser(base, Names.unique("alice"));
        bob = ParleyHttp.newUser(base, Names.unique("bob"));
        carol = ParleyHttp.newUser(base, Names.unique("carol"));
        room = alice.createRoom("Reactions", List.of(bob.username())).expect(201).json().getString("id");
    }

    private String reaction(long message, String emoji) {
        return "api/rooms/" + room + "/messages/" + message + "/reactions/"
                + URLEncoder.encode(emoji, StandardCharsets.UTF_8);
    }

    private static long posted(ChatSocket socket, String room, String body) {
        String clientId = socket.sendMessage(room, body);
        return socket.await(ofType("ack").and(has("clientId", clientId))).getJsonNumber("id").longValue();
    }

    private static List<String> users(JsonObject reaction) {
        return reaction.getJsonArray("users").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }

    private static JsonObject reactionsFrame(ChatSocket socket, long message) {
        return socket.await(ofType("reactions").and(has("id", message)));
    }

    @Test
    void everyMemberSeesReactionsComeAndGoInTheOrderPeopleReacted() throws InterruptedException {
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket bobPhone = ChatSocket.open(bob);
                ChatSocket bobLaptop = ChatSocket.open(bob)) {
            aliceSocket.await("ready");
            bobPhone.await("ready");
            bobLaptop.await("ready");
            long message = posted(aliceSocket, room, "Release is out");

            JsonArray afterBob = bob.put(reaction(message, THUMBS_UP)).expect(200).jsonArray();
            assertEquals(List.of(bob.username()), users(afterBob.getJsonObject(0)));
            JsonObject seen = reactionsFrame(aliceSocket, message);
            assertEquals(room, seen.getString("room"));
            assertEquals(THUMBS_UP, seen.getJsonArray("reactions").getJsonObject(0).getString("emoji"));
            reactionsFrame(bobLaptop, message);

            alice.put(reaction(message, THUMBS_UP)).expect(200);
            alice.put(reaction(message, PARTY)).expect(200);
            JsonArray now = alice.put(reaction(message, PARTY)).expect(200).jsonArray();
            assertEquals(List.of(bob.username(), alice.username()), users(now.getJsonObject(0)), "first to react first");
            assertEquals(PARTY, now.getJsonObject(1).getString("emoji"));
            bobPhone.await(ofType("reactions").and(has("id", message)), 3, Duration.ofSeconds(10));
            Thread.sleep(QUIET.toMillis());
            assertEquals(3, bobPhone.framesOfType("reactions").size(),
                    "one frame per change; reacting twice changes nothing and says nothing");

            JsonObject inHistory = bob.history(room, null, null).expect(200).jsonArray().getJsonObject(0);
            assertEquals(2, inHistory.getJsonArray("reactions").size(), "history pages carry reactions");

            JsonArray afterRemoval = bob.delete(reaction(message, THUMBS_UP)).expect(200).jsonArray();
            assertEquals(List.of(alice.username()), users(afterRemoval.getJsonObject(0)), "only one's own is taken back");
            aliceSocket.await(ofType("reactions").and(has("id", message)).and(frame -> users(
                    frame.getJsonArray("reactions").getJsonObject(0)).equals(List.of(alice.username()))));
        }
    }

    @Test
    void onlyMembersReactWithOneEmojiToAMessageThatIsThere() {
        try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
            aliceSocket.await("ready");
            long message = posted(aliceSocket, room, "Lunch?");
            assertEquals("not_member", carol.put(reaction(message, THUMBS_UP)).errorCode());
            assertEquals("invalid", bob.put(reaction(message, "lol")).errorCode());
            assertEquals("invalid", bob.put(reaction(message, THUMBS_UP + " yes")).errorCode());
            assertEquals("unknown_message", bob.put(reaction(message + 1000, THUMBS_UP)).errorCode());

            String[] many = {"\uD83D\uDE00", "\uD83D\uDE01", "\uD83D\uDE02", "\uD83D\uDE03", "\uD83D\uDE04",
                    "\uD83D\uDE05", "\uD83D\uDE06", "\uD83D\uDE07", "\uD83D\uDE08", "\uD83D\uDE09", "\uD83D\uDE0A",
                    "\uD83D\uDE0B", "\uD83D\uDE0C", "\uD83D\uDE0D", "\uD83D\uDE0E", "\uD83D\uDE0F", "\uD83D\uDE10",
                    "\uD83D\uDE11", "\uD83D\uDE12", "\uD83D\uDE13"};
            for (String emoji : many) {
                bob.put(reaction(message, emoji)).expect(200);
            }
            assertEquals("invalid", bob.put(reaction(message, THUMBS_UP)).errorCode(), "20 per person at most");

            // A script clicking in a loop runs into the send limit's numbers (a burst of 30, then 10 a second).
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ParleyHttp.Reply reply = alice.put(reaction(message, i % 2 == 0 ? PARTY : THUMBS_UP));
                answers.add(reply.status() == 200 ? "ok" : reply.errorCode());
            }
            assertTrue(answers.contains("rate_limited"), () -> "slowed after the burst: " + answers);
            assertEquals(List.of(), answers.stream().filter(a -> !a.equals("ok") && !a.equals("rate_limited")).toList());

            alice.delete("api/rooms/" + room + "/messages/" + message).expect(204);
            assertFalse(bob.history(room, null, null).expect(200).jsonArray().getJsonObject(0)
                    .containsKey("reactions"), "a deleted message keeps no reactions");
            assertEquals("unknown_message", bob.put(reaction(message, THUMBS_UP)).errorCode());
        }
    }
}
