package dev.parley.realtime;

import dev.parley.platform.TokenBucket;
import java.util.concurrent.TimeUnit;

/**
 * What one connection may send: every client frame takes a token from one bucket, whatever its kind (a read
 * marker is a database write, a typing notice a query and a frame to every member, a malformed frame an error
 * to write back). A refused frame is answered with {@code rate_limited}, at most once a second, so a flood does not
 * turn into a flood of errors; a connection that keeps sending while refused (refusals never a second apart,
 * {@code refusalsBeforeClose} of them) is closed.
 * Not thread-safe: a connection's frames arrive one at a time.
 */
final class FrameBudget {

    enum Verdict {
        /** Handle the frame. */
        ALLOW,
        /** Drop it and answer with {@code rate_limited}. */
        REFUSE,
        /** Drop it without an answer: one went out less than a second ago. */
        REFUSE_QUIETLY,
        /** Refused again and again: close the connection (1008). */
        CLOSE
    }

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final TokenBucket tokens;
    private final int refusalsBeforeClose;
    private long lastErrorAt;
    private boolean errorSent;
    private long lastRefusalAt;
    private int refusals;

    FrameBudget(double perSecond, int burst, int refusalsBeforeClose, long now) {
        this.tokens = new TokenBucket(perSecond, burst, now);
        this.refusalsBeforeClose = refusalsBeforeClose;
    }

    Verdict take(long now) {
        if (tokens.tryTake(now)) {
            return Verdict.ALLOW;
        }
        // A second without a refusal forgives the ones before: a burst once in a while is not a flood.
        refusals = refusals > 0 && now - lastRefusalAt > SECOND ? 1 : refusals + 1;
        lastRefusalAt = now;
        if (refusals >= refusalsBeforeClose) {
            return Verdict.CLOSE;
        }
        if (errorSent && now - lastErrorAt < SECOND) {
            return Verdict.REFUSE_QUIETLY;
        }
        errorSent = true;
        lastErrorAt = now;
        return Verdict.REFUSE;
    }
}
