package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplayRateTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aPageMayOverdrawTheBucketAndTheNextWaitsItOff() {
        ReplayRate rate = new ReplayRate(1_000, 1_000, 0);
        assertEquals(0, rate.waitNanos(0));
        rate.paid(1_500, 0);
        assertEquals(SECOND / 2, rate.waitNanos(0), "500 characters over at 1,000 a second");
        assertEquals(0, rate.waitNanos(SECOND / 2));
    }

    @Test
    void anIdleBucketHoldsNoMoreThanItsBurst() {
        ReplayRate rate = new ReplayRate(1_000, 1_000, 0);
        rate.paid(1_000, 100 * SECOND);
        assertEquals(0, rate.waitNanos(100 * SECOND), "a long quiet time earned no more than the burst");
        rate.paid(1, 100 * SECOND);
        assertEquals(SECOND / 1_000, rate.waitNanos(100 * SECOND));
    }
}
