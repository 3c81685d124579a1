package dev.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameScannerTest {

    /** A copy of what the scanner reported for one frame. */
    record Seen(String type, long id, String room, String clientId, String code, long intended, long seq) {
    }

    private static List<Seen> scan(String text) {
        List<Seen> seen = new ArrayList<>();
        FrameScanner.scan(text, new ScannedFrame(), f -> seen.add(
                new Seen(f.type, f.id, f.room, f.clientId, f.code, f.intendedNanos, f.seq)));
        return seen;
    }

    @Test
    void readsALoadMessageWhateverTheKeyOrder() {
        String body = LoadBody.of(123456789L, 42, 100);
        List<Seen> seen = scan("{\"sentAt\":\"2026-11-24T22:43:00.123Z\", \"body\":\"" + body + "\",\"id\":1042,"
                + "\"room\":\"mZ3k9QfT0bLx2wPa\",\"sender\":\"lt-u0001\",\"clientId\":\"ltabc-42\",\"type\":\"message\"}");
        assertEquals(List.of(new Seen("message", 1042, "mZ3k9QfT0bLx2wPa", "ltabc-42", null, 123456789L, 42)), seen);
        assertSame(FrameTypes.MESSAGE, scanFirstType("{\"type\":\"message\"}"));
        assertEquals(100, body.length());
    }

    @Test
    void unwrapsABatchInOrder() {
        List<Seen> seen = scan(" [ {\"type\":\"ack\",\"clientId\":\"r-1\",\"id\":7,\"room\":\"R\",\"sentAt\":\"x\"},"
                + "{\"type\":\"message\",\"id\":8,\"room\":\"R\",\"body\":\"lt 5 2 xx\"} , {\"type\":\"pong\"} ] ");
        assertEquals(3, seen.size());
        assertEquals(new Seen("ack", 7, "R", "r-1", null, -1, -1), seen.get(0));
        assertEquals(new Seen("message", 8, "R", null, null, 5, 2), seen.get(1));
        assertEquals("pong", seen.get(2).type());
    }

    @Test
    void skipsNestedValuesAndKeepsOnlyAStringRoom() {
        List<Seen> seen = scan("{\"type\":\"room\",\"room\":{\"id\":\"Y\",\"members\":[\"a\",\"b\"],"
                + "\"name\":\"braces } ] in \\\"names\\\"\",\"lastMessageId\":12},\"id\":null,\"flag\":true}");
        assertEquals(1, seen.size());
        assertEquals("room", seen.get(0).type());
        assertNull(seen.get(0).room());
        assertEquals(ScannedFrame.NO_ID, seen.get(0).id());
    }

    @Test
    void decodesEscapesInStrings() {
        List<Seen> seen = scan("{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"Too \\\"many\\\" \\u00e9\","
                + "\"clientId\":\"a\\/b\\u0041\"}");
        assertEquals("rate_limited", seen.get(0).code());
        assertEquals("a/bA", seen.get(0).clientId());
    }

    @Test
    void aBodyThatOnlyLooksLikeALoadBodyIsNotOne() {
        assertEquals(-1, scan("{\"type\":\"message\",\"body\":\"lt x 1\"}").get(0).seq());
        assertEquals(-1, scan("{\"type\":\"message\",\"body\":\"lt 1 2x\"}").get(0).seq());
        assertEquals(-1, scan("{\"type\":\"message\",\"body\":\"hello\"}").get(0).seq());
        assertEquals(3, scan("{\"type\":\"message\",\"body\":\"lt 1 3\"}").get(0).seq());
    }

    @Test
    void historyPagesAreArraysOfMessagesWithoutType() {
        List<Seen> seen = scan("[{\"id\":5,\"room\":\"R\"},{\"id\":9,\"room\":\"R\",\"editedAt\":\"t\",\"deleted\":true}]");
        assertEquals(List.of(5L, 9L), seen.stream().map(Seen::id).toList());
        assertTrue(scan("[]").isEmpty());
    }

    @Test
    void malformedTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> scan("{\"type\":\"message\""));
        assertThrows(IllegalArgumentException.class, () -> scan("{\"type\" \"message\"}"));
        assertThrows(IllegalArgumentException.class, () -> scan("[{\"type\":\"pong\"}"));
        assertThrows(IllegalArgumentException.class, () -> scan("{} {}"));
        assertThrows(IllegalArgumentException.class, () -> scan(""));
        assertThrows(IllegalArgumentException.class, () -> scan("{\"type\":}"));
    }

    @Test
    void clientIdsCarryTheSequenceNumber() {
        assertEquals(17, LoadBody.seqOfClientId(LoadBody.clientId("ltrun1", 17), "ltrun1"));
        assertEquals(-1, LoadBody.seqOfClientId("other-17", "ltrun1"));
        assertEquals(-1, LoadBody.seqOfClientId("ltrun1-x", "ltrun1"));
        assertEquals(-1, LoadBody.seqOfClientId(null, "ltrun1"));
    }

    private static String scanFirstType(String text) {
        String[] type = new String[1];
        FrameScanner.scan(text, new ScannedFrame(), f -> type[0] = f.type);
        return type[0];
    }
}
