package dev.parley.account;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where password hashes are computed: a PBKDF2 hash takes a core for a fifth of a second by design, so at most half
 * the cores do it at once and a few more requests may wait their turn; the rest are answered {@code 429
 * too_many_attempts} at once. A flood of sign-ins then cannot take the CPU that delivers messages, nor hold the
 * container's request threads.
 */
@ApplicationScoped
public class PasswordHashing {

    static final int AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    static final int MAY_WAIT = 8 * AT_ONCE;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final Semaphore turns = new Semaphore(AT_ONCE, true);
    private final AtomicInteger waiting = new AtomicInteger();

    public <T> T hash(Supplier<T> work) {
        if (waiting.incrementAndGet() > MAY_WAIT + AT_ONCE) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!turns.tryAcquire(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.decrementAndGet();
            throw busy();
        } catch (ParleyException refused) {
            waiting.decrementAndGet();
            throw refused;
        }
        try {
            return work.get();
        } finally {
            turns.release();
            waiting.decrementAndGet();
        }
    }

    private static ParleyException busy() {
        return new ParleyException(ErrorCode.TOO_MANY_ATTEMPTS, "Many people are signing in right now; try again",
                Duration.ofSeconds(1));
    }
}
