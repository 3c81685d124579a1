package dev.parley.realtime;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The change log: a tab that was away resumes with the last change number it has of each room, and is sent what
 * changed meanwhile (edits, deletions, reactions, members), each changed message once as it is now, without
 * reading any history. On the same deployments as the other team-room scenarios.
 */
abstract class ChangeLogScenarios extends ChannelScenarios {

    private static final String THUMBS_UP = "\uD83D\uDC4D";
    private static final String PARTY = "\uD83C\uDF89";

    private static long posted(ChatSocket socket, String room, String body) {
        String clientId = socket.sendMessage(room, body);
        return id(socket.await(ofType("ack").and(has("clientId", clientId))));
    }

    private static String resume(String room, long lastSeen, long changesSeen) {
        return "{\"type\":\"resume\",\"rooms\":{\"" + room + "\":" + lastSeen + "},\"changes\":{\"" + room + "\":"
                + changesSeen + "}}";
    }

    private String reaction(String room, long message, String emoji) {
        return "api/rooms/" + room + "/messages/" + message + "/reactions/"
                + URLEncoder.encode(emoji, StandardCharsets.UTF_8);
    }

    private static Predicate<JsonObject> about(long message) {
        return frame -> frame.containsKey("id") && id(frame) == message;
    }

    private static long seq(JsonObject frame) {
        return frame.getJsonNumber("seq").longValue();
    }

    @Test
    void aTabThatWasAwayIsToldOfEachChangeOnceAndNothingElse() {
        String room = createRoom(alice, "Change log", bob);
        long changesAtStart = listed(bob, room).getJsonNumber("changeSeq").longValue();
        try (ChatSocket aliceSocket = ChatSocket.open(alice)) {
            aliceSocket.await("ready");
            long edited = posted(aliceSocket, room, "The meeting is on Monday");
            long deleted = posted(aliceSocket, room, "Oops, wrong room");
            long reacted = posted(aliceSocket, room, "Slides are up");
            long seen = reacted;

            try (ChatSocket bobSocket = ChatSocket.open(bob)) {
                bobSocket.await("ready");
                bobSocket.send(resume(room, seen, changesAtStart));
                JsonObject resumed = bobSocket.await("resumed");
                assertEquals(changesAtStart, resumed.getJsonObject("changes").getJsonNumber(room).longValue());
                assertTrue(bobSocket.framesOfType("edited").isEmpty() && bobSocket.framesOfType("reactions").isEmpty(),
                        "nothing changed yet, nothing replayed");
            }

            // While Bob is away: an edit, a deletion, three reaction changes on one message, a new member, and a
            // new message with a reaction of its own.
            alice.patch("api/rooms/" + room + "/messages/" + edited, Json.obj("body", "The meeting is on Tuesday"))
                    .expect(200);
            alice.delete("api/rooms/" + room + "/messages/" + deleted).expect(204);
            alice.put(reaction(room, reacted, THUMBS_UP)).expect(200);
            alice.put(reaction(room, reacted, PARTY)).expect(200);
            alice.delete(reaction(room, reacted, PARTY)).expect(200);
            alice.post("api/rooms/" + room + "/members", Json.obj("username", carol.username())).expect(200);
            long newer = posted(aliceSocket, room, "Carol joins us");
            alice.put(reaction(room, newer, PARTY)).expect(200);

            List<JsonObject> live = aliceSocket.await(frame -> frame.containsKey("seq")
                    && frame.getString("room", "").equals(room), 6, ChatSocket.DEFAULT_TIMEOUT);
            List<Long> liveSeqs = live.stream().map(ChangeLogScenarios::seq).toList();
            long latest = changesAtStart + 7;
            assertEquals(List.of(changesAtStart + 1, changesAtStart + 2, changesAtStart + 3, changesAtStart + 4,
                    changesAtStart + 5, latest), liveSeqs,
                    "every change numbered in order; the new member (number 6) is told in a room frame");
            assertEquals(changesAtStart + 6, aliceSocket.await(ofType("room").and(frame -> members(
                    frame.getJsonObject("room")).contains(carol.username()))).getJsonObject("room")
                    .getJsonNumber("changeSeq").longValue());

            try (ChatSocket bobSocket = ChatSocket.open(bob)) {
                bobSocket.await("ready");
                bobSocket.send(resume(room, seen, changesAtStart));
                JsonObject resumed = bobSocket.await("resumed");
                assertEquals(latest, resumed.getJsonObject("changes").getJsonNumber(room).longValue());
                List<JsonObject> frames = bobSocket.frames();
                List<String> types = frames.stream().map(frame -> frame.getString("type")).toList();

                JsonObject newMessage = bobSocket.await(ofType("message").and(about(newer)));
                assertFalse(newMessage.containsKey("reactions"), "a replayed message comes as it was posted");
                JsonObject roomNow = bobSocket.await(ofType("room")).getJsonObject("room");
                assertTrue(members(roomNow).contains(carol.username()), "the member added while away");
                JsonObject edit = bobSocket.await(ofType("edited").and(about(edited)));
                assertEquals("The meeting is on Tuesday", edit.getString("body"));
                assertEquals(changesAtStart + 1, seq(edit));
                assertEquals(changesAtStart + 2, seq(bobSocket.await(ofType("deleted").and(about(deleted)))));
                List<JsonObject> reactionsOfReacted = bobSocket.framesOfType("reactions").stream()
                        .filter(about(reacted)).toList();
                assertEquals(1, reactionsOfReacted.size(), "three changes to one message: its state, once");
                assertEquals(changesAtStart + 5, seq(reactionsOfReacted.get(0)));
                assertEquals(THUMBS_UP, reactionsOfReacted.get(0).getJsonArray("reactions").getJsonObject(0)
                        .getString("emoji"));
                assertEquals(1, reactionsOfReacted.get(0).getJsonArray("reactions").size());
                assertEquals(PARTY, bobSocket.await(ofType("reactions").and(about(newer))).getJsonArray("reactions")
                        .getJsonObject(0).getString("emoji"), "changes to messages newer than the last seen too");
                assertTrue(bobSocket.framesOfType("reactions").stream().noneMatch(about(deleted)),
                        "a deleted message has no reactions to tell");
                assertEquals(1, bobSocket.framesOfType("edited").size());
                assertEquals(1, bobSocket.framesOfType("deleted").size());
                assertTrue(types.indexOf("message") < types.indexOf("edited"), "messages first, then changes: " + types);
            }

            try (ChatSocket bobSocket = ChatSocket.open(bob)) {
                bobSocket.await("ready");
                bobSocket.send(resume(room, newer, latest));
                assertEquals(latest, bobSocket.await("resumed").getJsonObject("changes").getJsonNumber(room)
                        .longValue());
                assertTrue(bobSocket.frames().stream().noneMatch(frame -> frame.containsKey("seq")),
                        "caught up: nothing is replayed twice");
            }
        }
    }

    @Test
    void changesAreReplayedOnlyToMembersAndBadNumbersAreRefused() {
        String room = createRoom(alice, "Members only", bob);
        try (ChatSocket aliceSocket = ChatSocket.open(alice); ChatSocket carolSocket = ChatSocket.open(carol)) {
            aliceSocket.await("ready");
            carolSocket.await("ready");
            long message = posted(aliceSocket, room, "Budget draft");
            alice.patch("api/rooms/" + room + "/messages/" + message, Json.obj("body", "Budget, second draft"))
                    .expect(200);
            aliceSocket.await(ofType("edited").and(about(message)));

            carolSocket.send(resume(room, 0, 0));
            assertEquals("not_member", carolSocket.await(ofType("error").and(has("room", room))).getString("code"));
            JsonObject resumed = carolSocket.await("resumed");
            assertFalse(resumed.containsKey("changes"), "nothing of a room one is not in: " + resumed);
            assertTrue(carolSocket.framesOfType("edited").isEmpty());

            carolSocket.send("{\"type\":\"resume\",\"rooms\":{},\"changes\":{\"" + room + "\":-1}}");
            assertEquals("bad_request", carolSocket.await(ofType("error")
                    .and(frame -> frame.getString("code").equals("bad_request"))).getString("code"));
            aliceSocket.send("{\"type\":\"resume\",\"rooms\":{},\"changes\":{\"" + room + "\":0}}");
            JsonObject onlyRooms = aliceSocket.await("resumed");
            assertFalse(onlyRooms.containsKey("changes"), "changes are replayed for the rooms resumed, no others");
            assertEquals(1, aliceSocket.framesOfType("edited").size(), "only the live one");
        }
    }
}
