package dev.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryCheckTest {

    @Test
    void everyAckedMessageOnceAndInOrderIsClean() {
        assertEquals(DeliveryCheck.Verdict.NONE, DeliveryCheck.verify(new long[] {3, 5, 9}, new long[] {3, 5, 9}));
    }

    @Test
    void anAckedMessageThatNeverArrivedIsLost() {
        assertEquals(new DeliveryCheck.Verdict(2, 0, 0, 0), DeliveryCheck.verify(new long[] {5}, new long[] {3, 5, 9}));
    }

    @Test
    void theSameIdTwiceIsADuplicateNotALoss() {
        assertEquals(new DeliveryCheck.Verdict(0, 2, 0, 0),
                DeliveryCheck.verify(new long[] {3, 3, 5, 9, 5}, new long[] {3, 5, 9}));
    }

    @Test
    void aFirstArrivalBelowAnEarlierIdIsOutOfOrder() {
        assertEquals(new DeliveryCheck.Verdict(0, 0, 1, 0), DeliveryCheck.verify(new long[] {3, 9, 5}, new long[] {3, 5, 9}));
    }

    @Test
    void aMessageReceivedWithoutItsAckIsCountedApart() {
        assertEquals(new DeliveryCheck.Verdict(0, 0, 0, 1), DeliveryCheck.verify(new long[] {3, 4, 5}, new long[] {3, 5}));
    }

    @Test
    void aConnectionThatReceivedNothingLostEverything() {
        DeliveryCheck.Log quiet = new DeliveryCheck.Log();
        DeliveryCheck.Log fine = new DeliveryCheck.Log();
        fine.add(1);
        fine.add(2);
        DeliveryCheck.Verdict verdict = DeliveryCheck.verifyAll(List.of(Map.of("R", quiet), Map.of("R", fine)),
                Map.of("R", new long[] {1, 2}));
        assertEquals(new DeliveryCheck.Verdict(2, 0, 0, 0), verdict);
        assertEquals(0, fine.notRising());
    }
}
