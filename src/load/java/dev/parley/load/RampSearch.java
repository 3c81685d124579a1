package dev.parley.load;

import java.util.OptionalDouble;

/**
 * Which rate the ramp tries next: doubling from the start rate while steps pass, then halving the interval
 * between the best passing and the lowest failing rate until they are within {@code precision} of each other
 * (0.1 = 10 %), the maximum rate passes, or the step budget is spent. A step passes when its p99 is under the
 * target with nothing lost and no errors; the caller judges that and {@link #record}s it.
 */
final class RampSearch {

    private final double maxRate;
    private final double precision;
    private final int maxSteps;
    private double next;
    private double best;
    private double lowestFailing = Double.POSITIVE_INFINITY;
    private int steps;

    RampSearch(double startRate, double maxRate, double precision, int maxSteps) {
        if (startRate <= 0 || maxRate < startRate) {
            throw new IllegalArgumentException("need 0 < start rate <= max rate, got " + startRate + " and " + maxRate);
        }
        this.next = startRate;
        this.maxRate = maxRate;
        this.precision = precision;
        this.maxSteps = maxSteps;
    }

    /** The next rate to try, or empty when the search is over. */
    OptionalDouble next() {
        if (steps >= maxSteps || next <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(next);
    }

    void record(double rate, boolean passed) {
        steps++;
        if (passed) {
            best = Math.max(best, rate);
        } else {
            lowestFailing = Math.min(lowestFailing, rate);
        }
        if (lowestFailing == Double.POSITIVE_INFINITY) {
            next = best >= maxRate ? 0 : Math.min(maxRate, best * 2);
        } else if (lowestFailing - best <= precision * lowestFailing || lowestFailing <= 1) {
            next = 0;
        } else {
            next = round((best + lowestFailing) / 2);
            if (next <= best || next >= lowestFailing) {
                next = 0;
            }
        }
    }

    /** The highest rate that passed, 0 when none did. */
    double best() {
        return best;
    }

    /** The lowest rate that failed, infinite when none did. */
    double lowestFailing() {
        return lowestFailing;
    }

    private static double round(double rate) {
        return rate >= 20 ? Math.round(rate) : Math.round(rate * 10) / 10.0;
    }
}
