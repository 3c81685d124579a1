package dev.parley.realtime;

import static dev.parley.realtime.FrameBudget.Verdict.ALLOW;
import static dev.parley.realtime.FrameBudget.Verdict.CLOSE;
import static dev.parley.realtime.FrameBudget.Verdict.REFUSE;
import static dev.parley.realtime.FrameBudget.Verdict.REFUSE_QUIETLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameBudgetTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aBurstPassesThenTheRateApplies() {
        FrameBudget budget = new FrameBudget(10, 5, 100, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(ALLOW, budget.take(0), "frame " + i + " of the burst");
        }
        assertEquals(REFUSE, budget.take(0));
        assertEquals(ALLOW, budget.take(SECOND / 10), "a tenth of a second later, one more at 10/s");
        assertEquals(REFUSE_QUIETLY, budget.take(SECOND / 10), "refused again, and told only once a second");
    }

    @Test
    void refusalsAreAnsweredAtMostOnceASecond() {
        FrameBudget budget = new FrameBudget(1, 1, 1000, 0);
        assertEquals(ALLOW, budget.take(0));
        assertEquals(REFUSE, budget.take(1));
        assertEquals(REFUSE_QUIETLY, budget.take(SECOND / 2));
        assertEquals(ALLOW, budget.take(SECOND + 2), "refilled");
        assertEquals(REFUSE, budget.take(SECOND + 3), "a second after the last answer: told again");
    }

    @Test
    void aConnectionThatKeepsSendingWhileRefusedIsClosed() {
        FrameBudget budget = new FrameBudget(1, 1, 3, 0);
        assertEquals(ALLOW, budget.take(0));
        assertEquals(REFUSE, budget.take(1));
        assertEquals(REFUSE_QUIETLY, budget.take(2));
        assertEquals(CLOSE, budget.take(3), "the third refusal, each within a second of the last");
    }

    @Test
    void framesLetThroughBetweenRefusalsDoNotHideAFlood() {
        FrameBudget budget = new FrameBudget(10, 1, 4, 0);
        assertEquals(ALLOW, budget.take(0));
        assertEquals(REFUSE, budget.take(1));
        assertEquals(ALLOW, budget.take(SECOND / 10 + 1), "a token came back");
        assertEquals(REFUSE_QUIETLY, budget.take(SECOND / 10 + 2));
        assertEquals(ALLOW, budget.take(2 * SECOND / 10 + 2));
        assertEquals(REFUSE_QUIETLY, budget.take(2 * SECOND / 10 + 3));
        assertEquals(CLOSE, budget.take(2 * SECOND / 10 + 4), "four refusals, none a second apart");
    }

    @Test
    void aSecondWithoutRefusalsForgivesTheOnesBefore() {
        FrameBudget budget = new FrameBudget(1, 1, 3, 0);
        assertEquals(ALLOW, budget.take(0));
        assertEquals(REFUSE, budget.take(1));
        assertEquals(REFUSE_QUIETLY, budget.take(2));
        assertEquals(ALLOW, budget.take(2 * SECOND));
        assertEquals(REFUSE, budget.take(2 * SECOND + 1), "counted from one again");
        assertEquals(REFUSE_QUIETLY, budget.take(2 * SECOND + 2), "two, not four");
    }
}
