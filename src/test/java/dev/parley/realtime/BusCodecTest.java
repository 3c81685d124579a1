package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.file.FileView;
import dev.parley.message.MessagePosted;
import dev.parley.message.MessageView;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What one node puts on Redis, another reads back the same. */
class BusCodecTest {

    @Test
    void everyKindOfEventReadsBackAsWritten() {
        for (BusEvent event : List.of(
                new BusEvent.ShutOut("bob", null, 1008, "Account disabled"),
                new BusEvent.ShutOut("bob", "token:ab12", 1008, "Token revoked or expired"),
                new BusEvent.ShutOut("bob", "5f0c7d3e", 1000, "Signed out"),
                new BusEvent.PresenceEvent("ann", true),
                new BusEvent.Broadcast("{\"type\":\"profile\",\"user\":\"ann\",\"displayName\":\"Ann \\\"A\\\"\"}"),
                new BusEvent.Notice(List.of("ann", "bob"), "{\"type\":\"read\"}", "c-1", "r1", 42, null))) {
            assertEquals(event, BusCodec.decode(BusCodec.encode(event)));
        }
    }

    @Test
    void aMessageCrossesWithAFingerprintOfItsMembersInsteadOfTheirNames() {
        MessageView message = new MessageView(41, "r-7", "ann", "semi;colons: and 12:numbers\n", "2026-12-06T17:00:00.000Z",
                "c;1:x");
        String text = BusCodec.encode(new BusEvent.MessageEvent(new MessagePosted(message, 39,
                List.of("ann", "bob", "cy"))));
        assertTrue(BusCodec.isMessage(text));
        assertFalse(text.contains("bob"), text);
        BusCodec.WireMessage read = BusCodec.decodeMessage(text);
        assertEquals(message, read.message());
        assertEquals(39, read.previousId());
        assertEquals(MemberSetHash.of(List.of("cy", "bob", "ann")), read.membersHash(), "whatever their order");
        assertNotEquals(MemberSetHash.of(List.of("ann", "cy")), read.membersHash());
    }

    @Test
    void bodiesOfAnyTextReadBackWhole() {
        for (String body : List.of("", "x", "0:", "é✓😀", "line\nline", "M1;2;3;")) {
            MessageView message = new MessageView(1, "r", "s", body, "t", "c");
            assertEquals(message, BusCodec.decodeMessage(BusCodec.encode(new BusEvent.MessageEvent(
                    new MessagePosted(message, 0, List.of("s"))))).message());
            MessageView reply = new MessageView(9, "r", "s", body, "t", "c", 8L);
            assertEquals(reply, BusCodec.decodeMessage(BusCodec.encode(new BusEvent.MessageEvent(
                    new MessagePosted(reply, 8, List.of("s"))))).message(), "a reply keeps its thread");
            MessageView withFiles = message.withFiles(List.of(new FileView("k1", body + ".png", "image/png", 1234),
                    new FileView("k2", "notes \"2\".txt", "text/plain", 5)));
            assertEquals(withFiles, BusCodec.decodeMessage(BusCodec.encode(new BusEvent.MessageEvent(
                    new MessagePosted(withFiles, 0, List.of("s"))))).message(), "files cross too");
        }
    }
}
