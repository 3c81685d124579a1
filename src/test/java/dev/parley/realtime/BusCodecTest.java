package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                new BusEvent.Notice(List.of("ann", "bob"), "{\"type\":\"read\"}", "c-1", "r1", 42, null))) {
            assertEquals(event, BusCodec.decode(BusCodec.encode(event)));
        }
    }
}
