package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    @Test
    void theFirstFailuresAreFreeThenEachDoublesTheWait() {
        SignInThrottle.Failures failures = new SignInThrottle.Failures(0, 0, 0);
        for (int i = 1; i <= SignInThrottle.ACCOUNT_FREE_FAILURES; i++) {
            failures = failures.after(SignInThrottle.ACCOUNT_FREE_FAILURES, 0);
            assertEquals(0, failures.notBefore(), "failure " + i + " costs no wait");
        }
        long second = TimeUnit.SECONDS.toNanos(1);
        failures = failures.after(SignInThrottle.ACCOUNT_FREE_FAILURES, 0);
        assertEquals(second, failures.notBefore());
        failures = failures.after(SignInThrottle.ACCOUNT_FREE_FAILURES, 0);
        assertEquals(2 * second, failures.notBefore());
        failures = failures.after(SignInThrottle.ACCOUNT_FREE_FAILURES, 0);
        assertEquals(4 * second, failures.notBefore());
    }

    @Test
    void theWaitNeverExceedsFifteenMinutes() {
        long longest = SignInThrottle.LONGEST_WAIT.toNanos();
        assertEquals(longest, SignInThrottle.Failures.waitNanos(11));
        assertEquals(longest, SignInThrottle.Failures.waitNanos(63));
        assertEquals(longest, SignInThrottle.Failures.waitNanos(1_000_000));
    }
}
