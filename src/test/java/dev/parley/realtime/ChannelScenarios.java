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
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Channels: public rooms anyone finds and joins, topics, and archived rooms that stay readable but take nothing
 * new; and mentions counted apart from the rest of what is unread. On the same deployments as the other team-room scenarios (SQLite and the in-process bus; PostgreSQL and
 * Redis), whose tests these inherit.
 */
abstract class ChannelScenarios extends GroupRoomScenarios {

    private JsonObject createChannel(ParleyHttp creator, String name, String visibility, String topic) {
        return creator.post("api/rooms", Json.obj("name", name, "members", List.of(), "visibility", visibility,
                "topic", topic)).expect(201).json();
    }

    /** The public rooms {@code user} finds with {@code words} (and archived ones too, if asked). */
    private static List<JsonObject> channels(ParleyHttp user, String words, boolean archived) {
        return user.get("api/channels?q=" + words + (archived ? "&archived=true" : "")).expect(200).jsonArray()
                .getValuesAs(JsonObject.class);
    }

    private static Predicate<JsonObject> roomFrame(String room, Predicate<JsonObject> about) {
        return ofType("room").and(frame -> frame.getJsonObject("room").getString("id").equals(room)
                && about.test(frame.getJsonObject("room")));
    }

    @Test
    void aPublicRoomIsFoundByNameOrTopicAndAnyoneJoinsIt() {
        String word = Names.unique("tea").replaceAll("[^A-Za-z0-9]", "");
        String room = createChannel(alice, "Tea " + word, "public", "Brewing and " + word).getString("id");
        createChannel(alice, "Secret " + word, "private", null);

        List<JsonObject> found = channels(carol, word, false);
        assertEquals(1, found.size(), "only the public room is listed: " + found);
        JsonObject channel = found.get(0);
        assertEquals(room, channel.getString("id"));
        assertEquals("Brewing and " + word, channel.getString("topic"));
        assertEquals(1, channel.getJsonNumber("memberCount").longValue());
        assertFalse(channel.getBoolean("member"));
        assertEquals(1, channels(carol, "brewing+and+" + word, false).size(), "the topic is searched too");

        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket carolSocket = ChatSocket.open(carol)) {
            aliceSocket.await("ready");
            carolSocket.await("ready");
            JsonObject joined = carol.post("api/rooms/" + room + "/join", Json.obj()).expect(200).json();
            assertTrue(members(joined).contains(carol.username()));
            JsonObject told = carolSocket.await(roomFrame(room, r -> true)).getJsonObject("room");
            assertEquals("public", told.getString("visibility"));
            assertEquals("Brewing and " + word, told.getString("topic"));
            assertFalse(told.getBoolean("archived"));
            aliceSocket.await(roomFrame(room, r -> members(r).contains(carol.username())));

            String hello = aliceSocket.sendMessage(room, "Welcome, Carol");
            carolSocket.await(ofType("message").and(has("clientId", hello)));
            carol.post("api/rooms/" + room + "/join", Json.obj()).expect(200);
            assertEquals(2, members(listed(alice, room)).size(), "joining again changes nothing");
            JsonObject nowMember = channels(carol, word, false).get(0);
            assertTrue(nowMember.getBoolean("member"));
            assertEquals(2, nowMember.getJsonNumber("memberCount").longValue());

            carol.delete("api/rooms/" + room + "/members/" + carol.username()).expect(204);
            carolSocket.await(ofType("removed").and(has("room", room)));
        }
    }

    /** Of the unread messages, those calling on someone by name or @room are counted apart, and read with them. */
    @Test
    void unreadMentionsAreCountedApart() {
        String room = createRoom(alice, "Mentions", bob, carol);
        String bobName = bob.username().toUpperCase(java.util.Locale.ROOT);
        long last = 0;
        try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
            aliceSocket.await("ready");
            for (String body : List.of("@" + bobName + ", can you look?", "@room standup in 5",
                    "mail " + bob.username() + "@example.org", "@" + bob.username() + "x is someone else",
                    "nothing for anyone")) {
                String clientId = aliceSocket.sendMessage(room, body);
                last = id(aliceSocket.await(ofType("ack").and(has("clientId", clientId))));
            }
        }
        JsonObject bobs = listed(bob, room);
        assertEquals(5, bobs.getJsonNumber("unread").longValue());
        assertEquals(2, bobs.getJsonNumber("mentions").longValue(), "by name (any case) and @room, nothing else");
        assertEquals(1, listed(carol, room).getJsonNumber("mentions").longValue(), "@room calls on Carol too");
        assertEquals(0, listed(alice, room).getJsonNumber("mentions").longValue(), "one's own messages are read");
        try (ChatSocket bobSocket = ChatSocket.open(bob)) {
            bobSocket.await("ready");
            bobSocket.read(room, last);
            bobSocket.await(ofType("read").and(has("room", room)));
        }
        assertEquals(0, listed(bob, room).getJsonNumber("mentions").longValue());
    }

    @Test
    void eachMemberChoosesWhatCallsForTheirAttentionAndTheirOtherTabsHear() {
        String room = createRoom(alice, "Noisy", bob);
        assertEquals("all", listed(bob, room).getString("notifications"), "every message, until one chooses");
        try (ChatSocket bobsOtherTab = ChatSocket.open(bob); ChatSocket alicesSocket = ChatSocket.open(alice)) {
            bobsOtherTab.await("ready");
            alicesSocket.await("ready");
            JsonObject chosen = bob.put("api/rooms/" + room + "/notifications", Json.obj("level", "mentions"))
                    .expect(200).json();
            assertEquals("mentions", chosen.getString("level"));
            JsonObject told = bobsOtherTab.await(ofType("notifications").and(has("room", room)));
            assertEquals("mentions", told.getString("level"));
            alicesSocket.assertNoFrame(ofType("notifications"), QUIET);
        }
        assertEquals("mentions", listed(bob, room).getString("notifications"));
        assertEquals("all", listed(alice, room).getString("notifications"), "a choice of one's own");
        assertEquals("invalid", bob.put("api/rooms/" + room + "/notifications", Json.obj("level", "loud")).errorCode());
        assertEquals("not_member", carol.put("api/rooms/" + room + "/notifications", Json.obj("level", "muted"))
                .errorCode());
    }

    @Test
    void aHiddenDirectConversationComesBackWithTheNextMessage() {
        String direct = alice.direct(bob.username()).expect(200).json().getString("id");
        try (ChatSocket alicesOtherTab = ChatSocket.open(alice); ChatSocket bobsSocket = ChatSocket.open(bob)) {
            alicesOtherTab.await("ready");
            bobsSocket.await("ready");
            String clientId = bobsSocket.sendMessage(direct, "Ping");
            long first = bobsSocket.await(ofType("ack").and(has("clientId", clientId))).getJsonNumber("id").longValue();
            JsonObject hidden = alice.put("api/rooms/" + direct + "/hidden", Json.obj("hidden", true)).expect(200).json();
            assertEquals(first, hidden.getJsonNumber("hiddenUpTo").longValue());
            assertEquals(first, alicesOtherTab.await(ofType("hidden").and(has("room", direct)))
                    .getJsonNumber("hiddenUpTo").longValue(), "her other tabs hide it too");
            bobsSocket.assertNoFrame(ofType("hidden"), QUIET);
            assertEquals(first, listed(alice, direct).getJsonNumber("hiddenUpTo").longValue());
            assertFalse(listed(bob, direct).containsKey("hiddenUpTo"), "hidden for her only");

            String again = bobsSocket.sendMessage(direct, "Ping again");
            long second = bobsSocket.await(ofType("ack").and(has("clientId", again))).getJsonNumber("id").longValue();
            assertTrue(listed(alice, direct).getJsonNumber("lastMessageId").longValue() == second
                    && first < second, "a newer message than the one it was hidden at: the sidebar shows it again");

            alice.put("api/rooms/" + direct + "/hidden", Json.obj("hidden", false)).expect(200);
            assertFalse(alicesOtherTab.await(ofType("hidden").and(has("room", direct)).and(f -> !f.containsKey("hiddenUpTo")))
                    .containsKey("hiddenUpTo"));
            assertFalse(listed(alice, direct).containsKey("hiddenUpTo"));
        }
        String group = createRoom(alice, "Not hideable", bob);
        assertEquals("invalid", alice.put("api/rooms/" + group + "/hidden", Json.obj("hidden", true)).errorCode(),
                "a group room is left, not hidden");
        assertEquals("invalid", alice.put("api/rooms/" + direct + "/hidden", Json.obj()).errorCode());
        assertEquals("not_member", carol.put("api/rooms/" + direct + "/hidden", Json.obj("hidden", true)).errorCode());
    }

    @Test
    void privateAndDirectRoomsCannotBeJoinedByStrangers() {
        String secret = createChannel(alice, "Secret plans", "private", null).getString("id");
        String direct = alice.direct(bob.username()).expect(200).json().getString("id");
        assertEquals("unknown_room", carol.post("api/rooms/" + secret + "/join", Json.obj()).errorCode(),
                "a private room answers as if it did not exist");
        assertEquals("unknown_room", carol.post("api/rooms/" + direct + "/join", Json.obj()).errorCode());
        assertEquals("unknown_room", carol.post("api/rooms/nosuchroom000000/join", Json.obj()).errorCode());
        assertEquals("invalid", alice.post("api/rooms", Json.obj("name", "Odd", "members", List.of(),
                "visibility", "secret")).errorCode());
        assertEquals(null, listed(carol, secret));
    }

    @Test
    void membersSetTheTopicAndOnlyTheCreatorRenamesOrMakesItPublic() {
        String room = createRoom(alice, "Plans", bob);
        try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
            aliceSocket.await("ready");
            JsonObject changed = bob.patch("api/rooms/" + room, Json.obj("topic", "  Friday at 8  ")).expect(200)
                    .json();
            assertEquals("Friday at 8", changed.getString("topic"));
            aliceSocket.await(roomFrame(room, r -> "Friday at 8".equals(r.getString("topic", null))));

            assertEquals("not_allowed", bob.patch("api/rooms/" + room, Json.obj("name", "Bob's plans")).errorCode());
            assertEquals("not_allowed", bob.patch("api/rooms/" + room, Json.obj("visibility", "public")).errorCode());
            assertEquals("not_allowed", bob.patch("api/rooms/" + room, Json.obj("archived", true)).errorCode());
            assertEquals("invalid", bob.patch("api/rooms/" + room, Json.obj("topic", "two\nlines")).errorCode());
            assertEquals("invalid", bob.patch("api/rooms/" + room, Json.obj("topic", "x".repeat(251))).errorCode());
            assertEquals("not_member", carol.patch("api/rooms/" + room, Json.obj("topic", "mine now")).errorCode());

            alice.patch("api/rooms/" + room, Json.obj("name", "Weekend plans", "visibility", "public")).expect(200);
            aliceSocket.await(roomFrame(room, r -> r.getString("name").equals("Weekend plans")
                    && r.getString("visibility").equals("public")));
            JsonObject cleared = bob.patch("api/rooms/" + room, Json.obj("topic", "")).expect(200).json();
            assertFalse(cleared.containsKey("topic"), "an empty topic clears it");
            assertEquals("Weekend plans", listed(bob, room).getString("name"));
        }
    }

    @Test
    void anArchivedRoomStaysReadableAndSearchableButTakesNothingNew() throws Exception {
        String word = Names.unique("needle").replaceAll("[^A-Za-z0-9]", "");
        String room = createChannel(alice, "Old project " + word, "public", null).getString("id");
        alice.post("api/rooms/" + room + "/members", Json.obj("username", bob.username())).expect(200);
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket bobSocket = ChatSocket.open(bob)) {
            aliceSocket.await("ready");
            bobSocket.await("ready");
            String posted = aliceSocket.sendMessage(room, "the final report, " + word);
            long message = id(aliceSocket.await(ofType("ack").and(has("clientId", posted))));

            alice.patch("api/rooms/" + room, Json.obj("archived", true)).expect(200);
            bobSocket.await(roomFrame(room, r -> r.getBoolean("archived")));
            alice.patch("api/rooms/" + room, Json.obj("archived", true)).expect(200);

            String refused = bobSocket.sendMessage(room, "one more thing");
            JsonObject error = bobSocket.await(ofType("error").and(has("clientId", refused)));
            assertEquals("room_archived", error.getString("code"));
            String path = "api/rooms/" + room + "/messages/" + message;
            assertEquals("room_archived", alice.patch(path, Json.obj("body", "rewritten")).errorCode());
            assertEquals("room_archived", alice.delete(path).errorCode());
            assertEquals("room_archived", alice.post("api/rooms/" + room + "/members",
                    Json.obj("username", carol.username())).errorCode());
            assertEquals("room_archived", carol.post("api/rooms/" + room + "/join", Json.obj()).errorCode());
            assertEquals("room_archived", bob.patch("api/rooms/" + room, Json.obj("topic", "still here")).errorCode());

            assertEquals("the final report, " + word,
                    bob.history(room, null, null).expect(200).jsonArray().getJsonObject(0).getString("body"));
            assertEquals(1, bob.get("api/search?q=" + word).expect(200).jsonArray().size(), "still searchable");
            assertTrue(listed(bob, room).getBoolean("archived"), "listed, marked archived");
            assertTrue(channels(carol, word, false).isEmpty(), "not in the channel list");
            assertTrue(channels(carol, word, true).get(0).getBoolean("archived"), "unless archived ones are asked for");

            alice.patch("api/rooms/" + room, Json.obj("archived", false)).expect(200);
            bobSocket.await(roomFrame(room, r -> !r.getBoolean("archived")));
            String again = bobSocket.sendMessage(room, "one more thing");
            aliceSocket.await(ofType("message").and(has("clientId", again)));
        }
    }
}
