package dev.parley.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that decides when things happen: fixed-rate schedules (messages, history requests, pings),
 * each firing event {@code i} at {@code start + i / rate}. When the tool falls behind it fires late events at
 * once, still with their intended time, so latency is measured from when the send should have happened.
 */
final class Pacer {

    /** Fires event {@code index} of a schedule, whose intended time is {@code intendedNanos} (System.nanoTime). */
    interface Action {
        void fire(long index, long intendedNanos);
    }

    private record Schedule(double ratePerSecond, long count, Action action) {
        long due(long start, long index) {
            return start + (long) (index * 1e9 / ratePerSecond);
        }
    }

    private final List<Schedule> schedules = new ArrayList<>();

    /** Adds a schedule of {@code count} events at {@code ratePerSecond}; a zero rate or count adds nothing. */
    Pacer every(double ratePerSecond, long count, Action action) {
        if (ratePerSecond > 0 && count > 0) {
            schedules.add(new Schedule(ratePerSecond, count, action));
        }
        return this;
    }

    /**
     * Runs every schedule from {@code start} on the calling thread until each has fired its count, the deadline
     * passes, or the thread is interrupted. Returns how many events each schedule fired.
     */
    long[] run(long start, long deadline) {
        long[] fired = new long[schedules.size()];
        while (!Thread.currentThread().isInterrupted()) {
            int next = -1;
            long nextDue = Long.MAX_VALUE;
            for (int s = 0; s < schedules.size(); s++) {
                Schedule schedule = schedules.get(s);
                if (fired[s] < schedule.count()) {
                    long due = schedule.due(start, fired[s]);
                    if (due < nextDue) {
                        nextDue = due;
                        next = s;
                    }
                }
            }
            if (next < 0 || nextDue >= deadline) {
                break;
            }
            long wait = nextDue - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            schedules.get(next).action().fire(fired[next], nextDue);
            fired[next]++;
        }
        return fired;
    }
}
