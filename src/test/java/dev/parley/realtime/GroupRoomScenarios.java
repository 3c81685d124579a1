package dev.parley.realtime;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Json;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A team room: members come and go, messages are edited and deleted, people search and keep track of what they
 * read. Run once per way Parley is deployed; the subclasses say which database and bus, and how to look at a
 * stored message directly.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class GroupRoomScenarios {

    static final Duration QUIET = Duration.ofMillis(700);
    /** The deployments of these scenarios configure a shorter message limit than the default. */
    static final int MAX_LENGTH = 500;

    @ArquillianResource
    URL url;

    URI base;
    ParleyHttp alice;
    ParleyHttp bob;
    ParleyHttp carol;

    /** The body column of a message, read from the database itself. */
    abstract Optional<String> storedBody(long messageId) throws Exception;

    @BeforeEach
    void aTeam() throws Exception {
        base = url.toURI();
        alice = ParleyHttp.newUser(base, Names.unique("alice"));
        bob = ParleyHttp.newUser(base, Names.unique("bob"));
        carol = ParleyHttp.newUser(base, Names.unique("carol"));
    }

    String createRoom(ParleyHttp creator, String name, ParleyHttp... others) {
        List<String> members = java.util.Arrays.stream(others).map(ParleyHttp::username).toList();
        JsonObject room = creator.createRoom(name, members).expect(201).json();
        assertEquals("group", room.getString("kind"));
        assertEquals(name, room.getString("name"));
        return room.getString("id");
    }

    static List<String> members(JsonObject room) {
        return room.getJsonArray("members").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }

    static long id(JsonObject frame) {
        return frame.getJsonNumber("id").longValue();
    }

    static JsonObject listed(ParleyHttp user, String room) {
        return user.rooms().expect(200).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(room)).findFirst().orElse(null);
    }

    @Test
    void aTeamRoomIsCreatedAndEveryMemberHearsIt() {
        try (ChatSocket bobSocket = ChatSocket.open(bob); ChatSocket carolSocket = ChatSocket.open(carol)) {
            bobSocket.await("ready");
            carolSocket.await("ready");
            String room = createRoom(alice, "Design review", bob, carol);

            JsonObject announced = bobSocket.await(ofType("room"));
            assertEquals(room, announced.getJsonObject("room").getString("id"));
            assertEquals(List.of(alice.username(), bob.username(), carol.username()).stream().sorted().toList(),
                    members(announced.getJsonObject("room")));
            carolSocket.await(ofType("room"));

            try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
                aliceSocket.await("ready");
                String clientId = aliceSocket.sendMessage(room, "Agenda is up");
                assertEquals("Agenda is up", bobSocket.await(ofType("message").and(has("clientId", clientId)))
                        .getString("body"));
                carolSocket.await(ofType("message").and(has("clientId", clientId)));
            }
            JsonObject inBobsList = listed(bob, room);
            assertEquals("Design review", inBobsList.getString("name"));
            assertEquals(1, inBobsList.getJsonNumber("unread").longValue());
            assertEquals(alice.username(), inBobsList.getString("createdBy"));
        }
    }

    @Test
    void unreadCountsFollowReadingAcrossTabs() {
        String room = createRoom(alice, "Unread", bob);
        long last = 0;
        try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
            aliceSocket.await("ready");
            for (int i = 0; i < 3; i++) {
                String clientId = aliceSocket.sendMessage(room, "news " + i);
                last = id(aliceSocket.await(ofType("ack").and(has("clientId", clientId))));
            }
        }
        assertEquals(3, listed(bob, room).getJsonNumber("unread").longValue());
        assertEquals(0, listed(alice, room).getJsonNumber("unread").longValue(), "one's own messages are read");

        try (ChatSocket bobPhone = ChatSocket.open(bob); ChatSocket bobLaptop = ChatSocket.open(bob)) {
            bobPhone.await("ready");
            bobLaptop.await("ready");
            bobPhone.read(room, last);
            JsonObject elsewhere = bobLaptop.await(ofType("read").and(has("room", room)));
            assertEquals(last, elsewhere.getJsonNumber("upTo").longValue());
        }
        assertEquals(0, listed(bob, room).getJsonNumber("unread").longValue());
        assertEquals(last, listed(bob, room).getJsonNumber("lastReadId").longValue());
    }

    @Test
    void anyMemberAddsTheCreatorRemovesAndARemovedMemberHearsNothingMore() throws Exception {
        ParleyHttp dave = ParleyHttp.newUser(base, Names.unique("dave"));
        String room = createRoom(alice, "Launch", bob);
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket carolSocket = ChatSocket.open(carol)) {
            aliceSocket.await("ready");
            carolSocket.await("ready");

            JsonObject added = bob.post("api/rooms/" + room + "/members", Json.obj("username", carol.username()))
                    .expect(200).json();
            assertTrue(members(added).contains(carol.username()), "any member may add");
            carolSocket.await(ofType("room").and(f -> f.getJsonObject("room").getString("id").equals(room)));
            String hello = aliceSocket.sendMessage(room, "welcome Carol");
            carolSocket.await(ofType("message").and(has("clientId", hello)));

            ParleyHttp.Reply bobRemoves = bob.delete("api/rooms/" + room + "/members/" + carol.username());
            assertEquals(403, bobRemoves.status());
            assertEquals("not_allowed", bobRemoves.errorCode());

            alice.delete("api/rooms/" + room + "/members/" + carol.username()).expect(204);
            carolSocket.await(ofType("removed").and(has("room", room)));
            String secret = aliceSocket.sendMessage(room, "now that Carol is gone");
            aliceSocket.await(ofType("ack").and(has("clientId", secret)));
            carolSocket.assertNoFrame(ofType("message").and(has("clientId", secret)), QUIET);

            assertEquals("not_member", carol.history(room, null, null).errorCode());
            assertEquals("not_member", carol.get("api/search?q=gone&room=" + room).errorCode());
            assertTrue(carol.get("api/search?q=gone").expect(200).jsonArray().isEmpty());
            assertEquals(null, listed(carol, room));

            ParleyHttp.Reply outsider = dave.post("api/rooms/" + room + "/members", Json.obj("username", dave.username()));
            assertEquals("not_member", outsider.errorCode(), "a stranger cannot let themselves in");

            bob.delete("api/rooms/" + room + "/members/" + bob.username()).expect(204);
            assertEquals(List.of(alice.username()), members(listed(alice, room)), "Bob left");
        }
    }

    @Test
    void editsAndDeletionsReachEveryoneAndDeletedTextIsGone() throws Exception {
        String room = createRoom(alice, "Edits", bob);
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket bobSocket = ChatSocket.open(bob)) {
            aliceSocket.await("ready");
            bobSocket.await("ready");
            String clientId = aliceSocket.sendMessage(room, "the meeting is on Tuesdy");
            long message = id(aliceSocket.await(ofType("ack").and(has("clientId", clientId))));
            String path = "api/rooms/" + room + "/messages/" + message;

            JsonObject edited = alice.patch(path, Json.obj("body", "the meeting is on Tuesday")).expect(200).json();
            assertTrue(edited.containsKey("editedAt"));
            JsonObject seen = bobSocket.await(ofType("edited").and(has("id", message)));
            assertEquals("the meeting is on Tuesday", seen.getString("body"));
            assertEquals("not_allowed", bob.patch(path, Json.obj("body", "no, Wednesday")).errorCode());
            assertEquals("not_allowed", bob.delete(path).errorCode());

            JsonObject inHistory = bob.history(room, null, null).jsonArray().getJsonObject(0);
            assertEquals("the meeting is on Tuesday", inHistory.getString("body"));
            assertTrue(inHistory.containsKey("editedAt"), "history says it was edited");

            alice.delete(path).expect(204);
            bobSocket.await(ofType("deleted").and(has("id", message)));
            JsonObject tombstone = bob.history(room, null, null).jsonArray().getJsonObject(0);
            assertTrue(tombstone.getBoolean("deleted"));
            assertEquals("", tombstone.getString("body"));
            assertEquals(Optional.of(""), storedBody(message), "the text is gone from the database");
            assertTrue(bob.get("api/search?q=Tuesday").expect(200).jsonArray().isEmpty(), "and from the index");
        }
    }

    @Test
    void searchFindsOnlyTheReadersRoomsNewestFirst() throws Exception {
        ParleyHttp dave = ParleyHttp.newUser(base, Names.unique("dave"));
        String ours = createRoom(alice, "Finance", bob);
        String theirs = createRoom(carol, "Board", dave);
        String word = "zebra" + Names.unique("x").replaceAll("[^a-z0-9]", "");
        List<Long> ourHits = new ArrayList<>();
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket carolSocket = ChatSocket.open(carol)) {
            aliceSocket.await("ready");
            carolSocket.await("ready");
            for (String body : List.of(word + " quarterly report draft", "lunch anyone?",
                    "final quarterly report on " + word)) {
                String clientId = aliceSocket.sendMessage(ours, body);
                long id = id(aliceSocket.await(ofType("ack").and(has("clientId", clientId))));
                if (body.contains(word)) {
                    ourHits.add(0, id);
                }
            }
            String secret = carolSocket.sendMessage(theirs, "secret quarterly report " + word);
            carolSocket.await(ofType("ack").and(has("clientId", secret)));
        }
        String query = "api/search?q=" + URLEncoder.encode("Quarterly " + word, StandardCharsets.UTF_8);
        List<JsonObject> hits = bob.get(query).expect(200).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(ourHits, hits.stream().map(GroupRoomScenarios::id).toList(), "newest first, own rooms only");
        assertTrue(hits.stream().allMatch(hit -> hit.getString("room").equals(ours)));

        List<JsonObject> firstPage = bob.get(query + "&limit=1").expect(200).jsonArray().getValuesAs(JsonObject.class);
        List<JsonObject> nextPage = bob.get(query + "&limit=1&before=" + id(firstPage.get(0))).expect(200)
                .jsonArray().getValuesAs(JsonObject.class);
        assertEquals(ourHits, List.of(id(firstPage.get(0)), id(nextPage.get(0))));

        for (String syntax : List.of("\"" + word, word + " OR", "NEAR(" + word, word + "*", "-" + word)) {
            bob.get("api/search?q=" + URLEncoder.encode(syntax, StandardCharsets.UTF_8)).expect(200);
        }
        assertEquals("invalid", bob.get("api/search?q=").errorCode());

        long hit = ourHits.get(1);
        List<JsonObject> around = bob.get("api/rooms/" + ours + "/messages?after=" + hit).expect(200).jsonArray()
                .getValuesAs(JsonObject.class);
        assertEquals(2, around.size(), "the messages after a hit, to read on from it");
    }

    @Test
    void typingReachesTheOtherMembers() {
        String room = createRoom(alice, "Typing", bob);
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket bobSocket = ChatSocket.open(bob);
                ChatSocket carolSocket = ChatSocket.open(carol)) {
            aliceSocket.await("ready");
            bobSocket.await("ready");
            carolSocket.await("ready");
            bobSocket.typing(room);
            JsonObject typing = aliceSocket.await(ofType("typing").and(has("room", room)));
            assertEquals(bob.username(), typing.getString("user"));
            bobSocket.assertNoFrame(ofType("typing"), QUIET);
            carolSocket.assertNoFrame(ofType("typing"), Duration.ZERO);
            carolSocket.typing(room);
            assertEquals("not_member", carolSocket.await("error").getString("code"));
        }
    }

    @Test
    void everyConnectionOfEveryMemberGetsEveryMessageOnceInOrderUnderConcurrency() throws Exception {
        ParleyHttp dave = ParleyHttp.newUser(base, Names.unique("dave"));
        List<ParleyHttp> team = List.of(alice, bob, carol, dave);
        String room = createRoom(alice, "Busy", bob, carol, dave);
        int perSender = 25;
        List<ChatSocket> sockets = new ArrayList<>();
        try {
            for (ParleyHttp member : team) {
                for (int tab = 0; tab < 2; tab++) {
                    ChatSocket socket = tab == 0 ? ChatSocket.open(member)
                            : ChatSocket.open(member, ChatSocket.Options.defaults().batch());
                    socket.await("ready");
                    sockets.add(socket);
                }
            }
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < team.size(); s++) {
                ChatSocket sender = sockets.get(s * 2);
                int who = s;
                senders.add(started(() -> {
                    for (int i = 0; i < perSender; i++) {
                        sender.sendMessage(room, ChatSocket.clientId(), "sender " + who + " message " + i);
                    }
                }));
            }
            for (Thread sender : senders) {
                sender.join(30_000);
            }
            int total = perSender * team.size();
            List<Long> acked = new ArrayList<>();
            for (int s = 0; s < team.size(); s++) {
                ChatSocket sender = sockets.get(s * 2);
                for (int i = 0; i < perSender; i++) {
                    acked.add(id(sender.await("ack", Duration.ofSeconds(30))));
                }
            }
            acked.sort(null);
            for (ChatSocket socket : sockets) {
                List<Long> received = socket.awaitMessages(room, total, Duration.ofSeconds(30)).stream()
                        .map(GroupRoomScenarios::id).toList();
                assertEquals(acked, received, "every message once, in rising id order, with the acked ids");
                socket.assertNoFrame(ofType("message").and(f -> false), Duration.ZERO);
            }
            sockets.get(0).assertNoFrame(new ChatScenarios.SecondOf(ofType("message").and(has("id", acked.get(0)))),
                    QUIET);
        } finally {
            sockets.forEach(ChatSocket::close);
        }
    }

    @Test
    void aClientThatKeepsReconnectingEndsWithExactlyTheHistory() throws Exception {
        String room = createRoom(alice, "Tunnel", bob);
        // Paced under the default send rate (10 per second), so the rate limit plays no part.
        int count = 40;
        Thread talker = started(() -> {
            try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
                aliceSocket.await("ready");
                for (int i = 0; i < count; i++) {
                    String clientId = aliceSocket.sendMessage(room, "update " + i);
                    aliceSocket.await(ofType("ack").and(has("clientId", clientId)), Duration.ofSeconds(10));
                    pause(110);
                }
            }
        });
        java.util.Random random = new java.util.Random(42);
        java.util.TreeMap<Long, String> applied = new java.util.TreeMap<>();
        long lastApplied = 0;
        while (talker.isAlive() || lastApplied < newestId(room)) {
            try (ChatSocket bobSocket = ChatSocket.open(bob, random.nextBoolean()
                    ? ChatSocket.Options.defaults().batch() : ChatSocket.Options.defaults())) {
                bobSocket.await("ready");
                bobSocket.resume(Map.of(room, lastApplied));
                bobSocket.await("resumed");
                pause(random.nextInt(200));
                lastApplied = applyAsTheProtocolSays(bobSocket.frames(), applied, lastApplied);
            }
        }
        talker.join(60_000);
        List<Long> history = new ArrayList<>();
        for (JsonObject message : bob.history(room, null, 200).expect(200).jsonArray().getValuesAs(JsonObject.class)) {
            history.add(id(message));
        }
        assertEquals(history, new ArrayList<>(applied.keySet()), "no gap, no duplicate");
        assertEquals(count, history.size());
    }

    /**
     * The client's part of the protocol: messages up to {@code resumed} may overlap and are applied in id order,
     * skipping those already had; after it, each message must be new and newer than the last.
     */
    private static long applyAsTheProtocolSays(List<JsonObject> frames, java.util.TreeMap<Long, String> applied,
            long lastApplied) {
        int resumed = 0;
        while (!"resumed".equals(frames.get(resumed).getString("type"))) {
            resumed++;
        }
        frames.subList(0, resumed).stream().filter(ofType("message"))
                .sorted(java.util.Comparator.comparingLong(GroupRoomScenarios::id))
                .forEach(message -> applied.putIfAbsent(id(message), message.getString("body")));
        long last = applied.isEmpty() ? 0 : applied.lastKey();
        assertTrue(last >= lastApplied);
        for (JsonObject message : frames.subList(resumed, frames.size())) {
            if ("message".equals(message.getString("type"))) {
                assertTrue(id(message) > last, "after resumed, each message is new and in order");
                applied.put(id(message), message.getString("body"));
                last = id(message);
            }
        }
        return last;
    }

    private long newestId(String room) {
        var page = alice.history(room, null, 1).expect(200).jsonArray();
        return page.isEmpty() ? 0 : page.getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSendResentAfterALostAckIsStoredOnce() {
        String room = createRoom(alice, "Flaky", bob);
        String clientId = ChatSocket.clientId();
        try (ChatSocket beforeTheTunnel = ChatSocket.open(alice)) {
            beforeTheTunnel.await("ready");
            beforeTheTunnel.sendMessage(room, clientId, "did this arrive?");
        }
        try (ChatSocket afterTheTunnel = ChatSocket.open(alice)) {
            afterTheTunnel.await("ready");
            afterTheTunnel.sendMessage(room, clientId, "did this arrive?");
            afterTheTunnel.await(ofType("ack").and(has("clientId", clientId)));
        }
        assertEquals(1, bob.history(room, null, null).expect(200).jsonArray().size());
    }

    @Test
    void badInputIsRefusedWithTheDocumentedCodes() {
        assertEquals("invalid", alice.createRoom("  ", List.of(bob.username())).errorCode());
        assertEquals("invalid", alice.createRoom("x".repeat(81), List.of()).errorCode());
        assertEquals("unknown_user", alice.createRoom("Ghosts", List.of("nobody-" + Names.unique("g"))).errorCode());
        String room = createRoom(alice, "Limits", bob);
        try (ChatSocket socket = ChatSocket.open(alice)) {
            socket.await("ready");
            String tooLong = socket.sendMessage(room, "y".repeat(MAX_LENGTH + 1));
            assertEquals("too_large", socket.await(ofType("error").and(has("clientId", tooLong))).getString("code"));
            String fits = socket.sendMessage(room, "y".repeat(MAX_LENGTH));
            socket.await(ofType("ack").and(has("clientId", fits)));
        }
        String direct = alice.direct(bob.username()).expect(200).json().getString("id");
        assertEquals("invalid", alice.post("api/rooms/" + direct + "/members", Json.obj("username", carol.username()))
                .errorCode(), "a direct room stays between two people");
        assertFalse(alice.get("api/rooms/" + room + "/messages?before=1&after=2").status() == 200);
    }
}
