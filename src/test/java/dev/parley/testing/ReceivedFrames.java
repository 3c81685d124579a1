package dev.parley.testing;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Every frame one {@link ChatSocket} has received, in arrival order, and the waiting on them.
 *
 * <p>An await consumes the frames it returns, so the next await of the same kind gets the next one,
 * while frames of other kinds stay for their own awaits. Nothing is ever removed: assertions about
 * "never received" look at the whole life of the socket.
 */
final class ReceivedFrames {

    private static final int FRAMES_SHOWN = 40;
    private static final int FRAME_CHARS_SHOWN = 300;

    private final String owner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Received> received = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private String ending;

    ReceivedFrames(String owner) {
        this.owner = owner;
    }

    /** Adds the frames of one WebSocket message together, so a batch is never seen half-delivered. */
    void add(List<JsonObject> frames) {
        lock.lock();
        try {
            frames.forEach(frame -> received.add(new Received(frame)));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Records something the server sent that breaks the protocol, for failure messages and tests. */
    void violation(String description) {
        lock.lock();
        try {
            violations.add(description);
        } finally {
            lock.unlock();
        }
    }

    /** No more frames will come; waiting ones fail at once instead of at their deadline. */
    void end(String how) {
        lock.lock();
        try {
            if (ending == null) {
                ending = how;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next {@code count} unconsumed frames matching, in arrival order, consuming them; fails the test
     * (consuming nothing) when they do not all arrive within the timeout or the socket ends first.
     */
    List<JsonObject> take(Predicate<JsonObject> match, int count, Duration timeout, String wanted) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot await a negative number of frames: " + count);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> taken = new ArrayList<>(count);
        lock.lock();
        try {
            int scanned = 0;
            while (true) {
                for (; scanned < received.size() && taken.size() < count; scanned++) {
                    Received candidate = received.get(scanned);
                    if (!candidate.consumed && matches(match, candidate.frame)) {
                        candidate.consumed = true;
                        taken.add(candidate);
                    }
                }
                if (taken.size() == count) {
                    return taken.stream().map(Received::frame).toList();
                }
                long left = deadline - System.nanoTime();
                if (ending != null || left <= 0) {
                    taken.forEach(frame -> frame.consumed = false);
                    throw failure("expected " + wanted + " within " + timeout + ", got " + taken.size() + " of " + count);
                }
                awaitChange(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits the whole quiet period, failing as soon as a matching frame is seen, including earlier ones. */
    void assertNone(Predicate<JsonObject> match, Duration quietPeriod, String unwanted) {
        long deadline = System.nanoTime() + quietPeriod.toNanos();
        lock.lock();
        try {
            int scanned = 0;
            while (true) {
                for (; scanned < received.size(); scanned++) {
                    JsonObject frame = received.get(scanned).frame;
                    if (matches(match, frame)) {
                        throw failure("expected no " + unwanted + " but got " + shorten(frame));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                awaitChange(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A snapshot of every frame received that matches, consumed or not. */
    List<JsonObject> all(Predicate<JsonObject> match) {
        lock.lock();
        try {
            return received.stream().map(Received::frame).filter(frame -> matches(match, frame)).toList();
        } finally {
            lock.unlock();
        }
    }

    List<String> violations() {
        lock.lock();
        try {
            return List.copyOf(violations);
        } finally {
            lock.unlock();
        }
    }

    /** A predicate that throws (say, getString of a key this frame lacks) simply does not match. */
    private static boolean matches(Predicate<JsonObject> match, JsonObject frame) {
        try {
            return match.test(frame);
        } catch (RuntimeException notThisShape) {
            return false;
        }
    }

    private void awaitChange(long nanos) {
        try {
            changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(owner + ": interrupted while waiting for frames", e);
        }
    }

    private AssertionError failure(String problem) {
        StringBuilder text = new StringBuilder(owner).append(": ").append(problem)
                .append(ending == null ? "; socket still open" : "; socket " + ending)
                .append("\nframes received, oldest first (* = already taken by an earlier await):");
        int skipped = Math.max(0, received.size() - FRAMES_SHOWN);
        if (skipped > 0) {
            text.append("\n  ... ").append(skipped).append(" older frames left out");
        }
        received.subList(skipped, received.size()).forEach(frame -> text.append("\n  ")
                .append(frame.consumed ? "* " : "  ").append(shorten(frame.frame)));
        if (received.isEmpty()) {
            text.append("\n  (none)");
        }
        violations.forEach(violation -> text.append("\nprotocol violation: ").append(violation));
        return new AssertionError(text.toString());
    }

    private static String shorten(JsonObject frame) {
        String text = frame.toString();
        return text.length() <= FRAME_CHARS_SHOWN ? text : text.substring(0, FRAME_CHARS_SHOWN) + "...";
    }

    /** A frame and whether an await has taken it; {@code consumed} is guarded by the lock. */
    private static final class Received {
        private final JsonObject frame;
        private boolean consumed;

        private Received(JsonObject frame) {
            this.frame = frame;
        }

        private JsonObject frame() {
            return frame;
        }
    }
}
