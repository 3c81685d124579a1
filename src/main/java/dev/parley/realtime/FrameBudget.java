package dev.parley.realtime;

import java.util.concurrent.TimeUnit;

/**
 * What one connection may send: every client frame takes a token from one bucket, whatever its kind (a read
 * marker is a database write, a typing notice a query and a frame to every member, a malformed frame an error
 * to write back). A refused frame is answered with {@code rate_limited}, at most once a second, so a flood does not
 * turn into a flood of errors; a connection that keeps sending while refused is closed.
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
        /** Too many refused in a row: close the connection (1008). */
        CLOSE
    }

    private static final long ERROR_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double perSecond;
    private final int burst;
    private final int refusalsBeforeClose;
    private double tokens;
    private long refilledAt;
    private long lastErrorAt;
    private boolean errorSent;
    private int refusedInARow;

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
            refusedInARow = 0;
            return Verdict.ALLOW;
        }
        if (++refusedInARow >= refusalsBeforeClose) {
            return Verdict.CLOSE;
        }
        if (errorSent && now - lastErrorAt < ERROR_EVERY_NANOS) {
            return Verdict.REFUSE_QUIETLY;
        }
        errorSent = true;
        lastErrorAt = now;
        return Verdict.REFUSE;
    }
}
