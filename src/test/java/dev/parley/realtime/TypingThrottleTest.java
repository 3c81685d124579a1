package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TypingThrottleTest {

    @Test
    void oneNoticePerUserAndRoomEveryThreeSeconds() {
        TypingThrottle throttle = new TypingThrottle();
        long start = 1_000;
        assertTrue(throttle.mayPass("alice", "r1", start));
        assertFalse(throttle.mayPass("alice", "r1", start + TypingThrottle.EVERY_NANOS - 1));
        assertTrue(throttle.mayPass("alice", "r2", start), "another room");
        assertTrue(throttle.mayPass("bob", "r1", start), "another user");
        assertTrue(throttle.mayPass("alice", "r1", start + TypingThrottle.EVERY_NANOS));
    }
}
