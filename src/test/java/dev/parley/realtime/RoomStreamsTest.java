package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.message.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RoomStreamsTest {

    private final List<Long> sent = new ArrayList<>();
    private final RoomStreams streams = new RoomStreams(delivery -> sent.add(delivery.id()));

    private static Delivery message(long id, long previousId) {
        return message("room", id, previousId);
    }

    private static Delivery message(String room, long id, long previousId) {
        return new Delivery(new MessageView(id, room, "alice", "hi", "2026-11-25T00:00:00Z", "c" + id), previousId, "{}");
    }

    @Test
    void messagesInOrderGoStraightOut() {
        streams.startAt(Map.of("room", 0L));
        assertFalse(streams.holdsBack(message(3, 0)));
        assertFalse(streams.holdsBack(message(7, 3)));
        assertEquals(List.of(3L, 7L), sent);
    }

    @Test
    void aMessageThatOvertookItsPredecessorWaitsForIt() {
        streams.startAt(Map.of("room", 3L));
        assertTrue(streams.holdsBack(message(9, 7)), "9 must wait for 7");
        assertEquals(List.of(), sent);
        streams.holdsBack(message(7, 3));
        assertEquals(List.of(7L, 9L), sent);
        assertEquals(OptionalLong.empty(), streams.missingAfter("room"));
    }

    @Test
    void aMessageAlreadySentIsNeverSentAgain() {
        streams.startAt(Map.of("room", 0L));
        streams.holdsBack(message(3, 0));
        streams.holdsBack(message(3, 0));
        streams.holdsBack(message(2, 0));
        assertEquals(List.of(3L), sent);
    }

    @Test
    void aGapThatDoesNotCloseIsFilledFromTheDatabase() {
        streams.startAt(Map.of("room", 3L));
        streams.holdsBack(message(12, 10));
        assertEquals(OptionalLong.of(3), streams.missingAfter("room"));
        streams.fill("room", List.of(message(7, 3), message(10, 7), message(12, 10)));
        assertEquals(List.of(7L, 10L, 12L), sent, "12 is not sent twice");
        assertEquals(OptionalLong.empty(), streams.missingAfter("room"));
    }

    @Test
    void aRoomNeverSeenBeforeStartsWithItsFirstMessage() {
        streams.holdsBack(message(40, 39));
        streams.holdsBack(message(41, 40));
        assertEquals(List.of(40L, 41L), sent);
    }

    @Test
    void rewindingForAResumeLetsTheReplayThroughAndDropsOverlaps() {
        streams.startAt(Map.of("room", 10L));
        streams.rewind(Map.of("room", 4L));
        streams.fill("room", List.of(message(7, 4), message(10, 7)));
        streams.holdsBack(message(10, 7));
        streams.holdsBack(message(11, 10));
        assertEquals(List.of(7L, 10L, 11L), sent);
    }

    @Test
    void givingUpOnAGapSendsWhatWaitsInIdOrder() {
        streams.startAt(Map.of("room", 1L));
        streams.holdsBack(message(9, 8));
        streams.holdsBack(message(6, 5));
        streams.releaseAll("room");
        assertEquals(List.of(6L, 9L), sent);
    }

    @Test
    void roomsAreIndependent() {
        streams.startAt(Map.of("room", 1L, "other", 1L));
        streams.holdsBack(message(5, 4));
        streams.holdsBack(message("other", 6, 1));
        assertEquals(List.of(6L), sent, "a gap in one room does not hold up another");
    }

    @Test
    void aRoomLeftIsForgottenAndAJoinStartsAfresh() {
        streams.startAt(Map.of("room", 5L));
        streams.holdsBack(message(9, 7));
        streams.forget("room");
        assertEquals(OptionalLong.empty(), streams.missingAfter("room"), "nothing waits for a room one has left");
        streams.fill("room", List.of(message(6, 5), message(7, 6)));
        assertEquals(List.of(), sent, "a catch-up read before leaving delivers nothing after it");
        streams.startAt(Map.of("room", 20L));
        streams.holdsBack(message(21, 20));
        assertEquals(List.of(21L), sent);
    }
}
