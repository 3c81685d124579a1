package dev.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAllowsItsCapacityThenItsRate() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.tryTake(0), "the burst, take " + i);
        }
        assertFalse(bucket.tryTake(0));
        assertEquals(SECOND / 2, bucket.nanosUntil(1, 0), "one token comes back every half second");
        assertTrue(bucket.tryTake(SECOND / 2));
        assertFalse(bucket.tryTake(SECOND / 2));
    }

    @Test
    void spendingMayOverdrawAndIsWaitedOff() {
        TokenBucket bucket = new TokenBucket(1_000, 1_000, 0);
        bucket.spend(1_500, 0);
        assertEquals(SECOND / 2, bucket.nanosUntil(0, 0), "500 over at 1,000 a second");
        assertEquals(0, bucket.nanosUntil(0, SECOND / 2));
        assertFalse(bucket.isFull(SECOND / 2));
        assertTrue(bucket.isFull(2 * SECOND));
    }

    @Test
    void aLongQuietTimeEarnsNoMoreThanTheCapacity() {
        TokenBucket bucket = new TokenBucket(1, 2, 0);
        assertTrue(bucket.tryTake(1_000 * SECOND));
        assertTrue(bucket.tryTake(1_000 * SECOND));
        assertFalse(bucket.tryTake(1_000 * SECOND));
    }
}
