package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.file.FileView;
import dev.parley.message.MessageView;
import dev.parley.message.ReactionView;
import dev.parley.platform.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    @Test
    void readsEveryClientFrameOfTheProtocol() throws Exception {
        assertEquals(new ClientFrame.Send("r1", "c1", "hello", null, List.of()),
                FrameCodec.decode("{\"body\":\"hello\",\"type\":\"send\",\"room\":\"r1\",\"clientId\":\"c1\"}"));
        assertEquals(new ClientFrame.Send("r1", "c3", "", null, List.of("f1", "f2")), FrameCodec.decode(
                "{\"type\":\"send\",\"room\":\"r1\",\"clientId\":\"c3\",\"body\":\"\",\"files\":[\"f1\",\"f2\",\"f1\"]}"));
        assertEquals(new ClientFrame.Send("r1", "c2", "a reply", 41L, List.of()), FrameCodec.decode(
                "{\"type\":\"send\",\"room\":\"r1\",\"clientId\":\"c2\",\"body\":\"a reply\",\"thread\":41}"));
        assertEquals(new ClientFrame.Resume(Map.of("r1", 12L, "r2", 0L), Map.of()),
                FrameCodec.decode("{\"type\":\"resume\",\"rooms\":{\"r1\":12,\"r2\":0}}"));
        assertEquals(new ClientFrame.Resume(Map.of("r1", 12L), Map.of("r1", 3L)),
                FrameCodec.decode("{\"type\":\"resume\",\"rooms\":{\"r1\":12},\"changes\":{\"r1\":3}}"));
        assertEquals(new ClientFrame.Typing("r1"), FrameCodec.decode("{\"type\":\"typing\",\"room\":\"r1\"}"));
        assertEquals(new ClientFrame.Read("r1", 5), FrameCodec.decode("{\"type\":\"read\",\"room\":\"r1\",\"upTo\":5}"));
        assertEquals(new ClientFrame.Ping(), FrameCodec.decode("{\"type\":\"ping\",\"extra\":true}"));
    }

    @Test
    void saysWhatIsWrongWithAFrameItCannotRead() {
        assertProblem("not valid JSON", "{\"type\":");
        assertProblem("one JSON object", "[{\"type\":\"ping\"}]");
        assertProblem("Unknown frame type 'dance'", "{\"type\":\"dance\"}");
        assertProblem("'body'", "{\"type\":\"send\",\"room\":\"r\",\"clientId\":\"c\"}");
        assertProblem("'room'", "{\"type\":\"send\",\"room\":7,\"clientId\":\"c\",\"body\":\"b\"}");
        assertProblem("whole number", "{\"type\":\"resume\",\"rooms\":{\"r\":-1}}");
        assertProblem("whole number", "{\"type\":\"resume\",\"rooms\":{\"r\":1.5}}");
        assertProblem("change number", "{\"type\":\"resume\",\"rooms\":{\"r\":1},\"changes\":{\"r\":-1}}");
        assertProblem("'changes'", "{\"type\":\"resume\",\"rooms\":{\"r\":1},\"changes\":[1]}");
        assertProblem("'upTo'", "{\"type\":\"read\",\"room\":\"r\"}");
        assertProblem("'thread'", "{\"type\":\"send\",\"room\":\"r\",\"clientId\":\"c\",\"body\":\"b\",\"thread\":\"7\"}");
        assertProblem("'thread'", "{\"type\":\"send\",\"room\":\"r\",\"clientId\":\"c\",\"body\":\"b\",\"thread\":-7}");
        assertProblem("'files'", "{\"type\":\"send\",\"room\":\"r\",\"clientId\":\"c\",\"body\":\"b\",\"files\":\"f1\"}");
        assertProblem("'files'", "{\"type\":\"send\",\"room\":\"r\",\"clientId\":\"c\",\"body\":\"b\",\"files\":[1]}");
    }

    private static void assertProblem(String expected, String frame) {
        FrameCodec.MalformedFrame problem = assertThrows(FrameCodec.MalformedFrame.class,
                () -> FrameCodec.decode(frame));
        assertTrue(problem.getMessage().contains(expected), problem.getMessage());
    }

    @Test
    void writesServerFramesAsTheProtocolShowsThem() {
        MessageView message = new MessageView(42, "r1", "alice", "<b>hi</b> \"there\"", "2026-11-24T22:43:00.123Z", "c1");
        assertEquals("{\"type\":\"message\",\"id\":42,\"room\":\"r1\",\"sender\":\"alice\",\"body\":\"<b>hi</b> \\\"there\\\"\","
                + "\"sentAt\":\"2026-11-24T22:43:00.123Z\",\"clientId\":\"c1\"}",
                FrameCodec.encode(new ServerFrame.Message(message)));
        assertEquals("{\"type\":\"ack\",\"clientId\":\"c1\",\"id\":42,\"room\":\"r1\",\"sentAt\":\"2026-11-24T22:43:00.123Z\"}",
                FrameCodec.encode(ServerFrame.Ack.of(message)));
        assertEquals("{\"type\":\"error\",\"code\":\"not_member\",\"message\":\"no\",\"clientId\":\"c1\"}",
                FrameCodec.encode(new ServerFrame.Error(ErrorCode.NOT_MEMBER, "no", "c1", null)));
        assertEquals("{\"type\":\"presence\",\"user\":\"bob\",\"online\":false}",
                FrameCodec.encode(new ServerFrame.Presence("bob", false)));
        assertEquals("{\"type\":\"profile\",\"user\":\"bob\",\"displayName\":\"Bob B\",\"status\":\"Away\"}",
                FrameCodec.encode(new ServerFrame.Profile("bob", "Bob B", "Away", null)));
        assertEquals("{\"type\":\"hidden\",\"room\":\"r1\",\"hiddenUpTo\":41}",
                FrameCodec.encode(new ServerFrame.Hidden("r1", 41L)));
        assertEquals("{\"type\":\"reactions\",\"room\":\"r1\",\"id\":42,\"reactions\":["
                + "{\"emoji\":\"\uD83D\uDC4D\",\"users\":[\"bob\",\"alice\"]},{\"emoji\":\"\uD83C\uDF89\",\"users\":[\"carol\"]}],\"seq\":7}",
                FrameCodec.encode(new ServerFrame.Reactions("r1", 42, List.of(
                        new ReactionView("\uD83D\uDC4D", List.of("bob", "alice")),
                        new ReactionView("\uD83C\uDF89", List.of("carol"))), 7)));
        assertEquals("{\"type\":\"edited\",\"room\":\"r1\",\"id\":42,\"body\":\"hi\",\"editedAt\":\"2026-11-24T22:44:00.000Z\",\"seq\":8}",
                FrameCodec.encode(new ServerFrame.Changed(new MessageView(42, "r1", "alice", "hi",
                        "2026-11-24T22:43:00.123Z", "c1", "2026-11-24T22:44:00.000Z", null, null, null, null, null, null), 8)));
        assertEquals("{\"type\":\"resumed\",\"changes\":{\"r1\":8}}",
                FrameCodec.encode(new ServerFrame.Resumed(Map.of("r1", 8L))));
        assertEquals("{\"type\":\"resumed\"}", FrameCodec.encode(new ServerFrame.Resumed(Map.of())));
    }

    @Test
    void anyTextInAMessageReadsBackExactlyAsWritten() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            String body = randomText(random);
            MessageView message = new MessageView(i, "r" + i, "alice", body, "2026-11-25T00:00:00.000Z", randomText(random),
                    i % 3 == 0 ? "2026-11-25T00:00:01.000Z" : null, i % 7 == 0 ? Boolean.TRUE : null,
                    i % 14 == 0 ? Boolean.TRUE : null, null, i % 5 == 0 ? Long.valueOf(i / 5) : null, null,
                    i % 4 == 0 ? List.of(new FileView("f" + i, randomText(random), "image/png", i)) : null);
            JsonObject json = Json.createReader(new StringReader(FrameCodec.encode(new ServerFrame.Message(message))))
                    .readObject();
            assertEquals(body, json.getString("body"));
            assertEquals(message.clientId(), json.getString("clientId"));
            assertEquals(i, json.getJsonNumber("id").longValue());
            assertEquals(message.editedAt(), json.getString("editedAt", null));
            assertEquals(message.deleted() != null, json.getBoolean("deleted", false));
            assertEquals(message.moderated() != null, json.getBoolean("moderated", false));
            assertEquals(message.thread() == null ? null : json.getJsonNumber("thread").longValue(), message.thread());
            assertEquals(message.thread() != null, json.containsKey("thread"));
            if (message.files() != null) {
                JsonObject file = json.getJsonArray("files").getJsonObject(0);
                assertEquals(message.files().get(0), new FileView(file.getString("id"), file.getString("name"),
                        file.getString("contentType"), file.getJsonNumber("size").longValue()));
            } else {
                assertFalse(json.containsKey("files"));
            }
            JsonObject ack = Json.createReader(new StringReader(FrameCodec.encode(ServerFrame.Ack.of(message))))
                    .readObject();
            assertEquals(message.clientId(), ack.getString("clientId"));
        }
    }

    /** Control characters, quotes, backslashes, non-Latin scripts and emoji, mixed. */
    private static String randomText(Random random) {
        String pool = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028<>&'aZ9 éß漢字🙂";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(pool.length());
            if (Character.isSurrogate(pool.charAt(at))) {
                text.append("🙂");
            } else {
                text.append(pool.charAt(at));
            }
        }
        return text.toString();
    }
}
