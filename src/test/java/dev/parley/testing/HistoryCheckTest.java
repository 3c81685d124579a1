package dev.parley.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.testing.HistoryCheck.Finding;
import dev.parley.testing.HistoryCheck.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker of the fault runs finds what was planted, and only that. */
class HistoryCheckTest {

    private static final List<Long> STORED = List.of(3L, 5L, 8L, 9L);
    private static final Set<Long> ACKED = Set.of(3L, 5L, 8L, 9L);

    @Test
    void everyMessageOnceInOrderEverywhereIsClean() {
        assertEquals(List.of(), HistoryCheck.check(STORED, ACKED, Map.of("ann", STORED, "bob", STORED)));
    }

    @Test
    void aMessageAClientNeverGotIsLostForThatClientOnly() {
        assertEquals(List.of(new Finding(Kind.LOST, "bob", 8)), HistoryCheck.check(STORED, ACKED,
                Map.of("ann", STORED, "bob", List.of(3L, 5L, 9L))));
    }

    @Test
    void aMessageTwiceIsADuplicateNotAReordering() {
        assertEquals(List.of(new Finding(Kind.DUPLICATED, "ann", 5)), HistoryCheck.check(STORED, ACKED,
                Map.of("ann", List.of(3L, 5L, 5L, 8L, 9L))));
    }

    @Test
    void aMessageAfterAHigherOneIsOutOfOrder() {
        assertEquals(List.of(new Finding(Kind.OUT_OF_ORDER, "ann", 8)), HistoryCheck.check(STORED, ACKED,
                Map.of("ann", List.of(3L, 5L, 9L, 8L))));
    }

    @Test
    void anAckForSomethingNotStoredAndAMessageFromNowhereAreFound() {
        assertEquals(List.of(new Finding(Kind.ACKED_NOT_STORED, "", 11), new Finding(Kind.UNKNOWN, "ann", 4)),
                HistoryCheck.check(STORED, Set.of(3L, 11L), Map.of("ann", List.of(3L, 4L, 5L, 8L, 9L))));
    }

    @Test
    void everyKindAtOnceIsEachReported() {
        List<Finding> findings = HistoryCheck.check(STORED, ACKED, Map.of("cy", List.of(5L, 3L, 3L, 9L)));
        assertEquals(List.of(new Finding(Kind.OUT_OF_ORDER, "cy", 3), new Finding(Kind.DUPLICATED, "cy", 3),
                new Finding(Kind.LOST, "cy", 8)), findings);
    }
}
