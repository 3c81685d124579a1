package dev.parley.realtime;

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

    private final double perSecond;
    private final int burst;
    private final int refusalsBeforeClose;
    private double tokens;
    private long refilledAt;
    private long lastErrorAt;
    private boolean errorSent;
    private long lastRefusalAt;
    private int refusals;

    FrameBudget(double perSecond, int burst, int refusalsBeforeClose, long now) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.refusalsBeforeClose = refusalsBeforeClose;
        this.tokens = burst;
        this.refilledAt = now;
    }

    Verdict take(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
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
