package dev.parley.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The frames waiting for one connection. Each WebSocket frame costs Payara tens of microseconds of CPU however
 * small it is, so frames are not sent one by one as they come: one send is in flight at a time, at most one
 * starts per batch window, and whatever queued up meanwhile goes out together, as one JSON array for a client
 * that negotiated {@code parley.batch}. An idle connection still gets its first frame at once.
 */
final class Outbox {

    /** A client this far behind is disconnected; it reconnects and resumes from the database instead. */
    static final int MAX_QUEUED = 10_000;
    /** The same in characters (about twice as many bytes of heap): many long messages are as far behind. */
    static final long MAX_QUEUED_CHARS = 4L * 1024 * 1024;
    /** A replay adds its next page only when the client has read all but this much (see {@link CatchUp}). */
    static final int REPLAY_PACE_FRAMES = 1_000;
    static final long REPLAY_PACE_CHARS = 256L * 1024;
    /** The most characters one WebSocket message of several frames carries. */
    static final int MAX_BATCH_CHARS = 64 * 1024;
    /** How a connection that cannot be kept up to date is closed: the client reconnects and resumes. */
    static final CloseReason TOO_FAR_BEHIND =
            new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too far behind; resume");
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Session session;
    private final boolean batch;
    private final ScheduledExecutorService executor;
    private final long windowNanos;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedChars = new AtomicLong();
    /** Characters handed to the socket and not yet written: a client that stops reading holds them here. */
    private final AtomicLong inFlightChars = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    /** What to run once the queue has drained below a mark; at most one waits (a connection's one replay). */
    private final AtomicReference<Drained> drained = new AtomicReference<>();
    private volatile long lastFlushNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private volatile boolean closed;

    private record Drained(int frames, long chars, Runnable then) {
    }

    Outbox(Session session, boolean batch, ScheduledExecutorService executor, long windowMillis) {
        this.session = session;
        this.batch = batch;
        this.executor = executor;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
    }

    void add(String frame) {
        enqueue(frame);
        startSending();
    }

    /**
     * Queues a frame without starting a send: it goes out with the next frame added, or at
     * {@link #startSending()}, so frames queued one after the other leave together.
     */
    void enqueue(String frame) {
        if (closed) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED || queuedChars.addAndGet(frame.length()) > MAX_QUEUED_CHARS) {
            closeBecause(TOO_FAR_BEHIND);
            return;
        }
        queue.add(frame);
    }

    void startSending() {
        if (closed || queue.isEmpty() || !sending.compareAndSet(false, true)) {
            return;
        }
        long wait = lastFlushNanos + windowNanos - System.nanoTime();
        try {
            executor.schedule(this::flush, Math.max(0, wait), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            closed = true;
        }
    }

    private void flush() {
        lastFlushNanos = System.nanoTime();
        List<String> frames = new ArrayList<>();
        long chars = 0;
        for (String frame; (frame = queue.poll()) != null; ) {
            frames.add(frame);
            chars += frame.length();
        }
        inFlightChars.set(chars);
        queued.addAndGet(-frames.size());
        queuedChars.addAndGet(-chars);
        sendInOrder((batch ? batches(frames) : frames).iterator());
    }

    /**
     * The frames as JSON arrays of at most {@link #MAX_BATCH_CHARS} characters each (a longer frame alone): one
     * WebSocket message carries many frames, but none is so large that a client that stops reading pins
     * megabytes of it.
     */
    static List<String> batches(List<String> frames) {
        // None: a flush can find the queue empty, when its send started between another flush taking the frame
        // and that flush ending (startSending saw the frame, then won the flag once the other was done). Once in
        // millions; the load tool then received the WebSocket message "]".
        if (frames.size() <= 1) {
            return frames;
        }
        List<String> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        for (String frame : frames) {
            if (batch.length() > 0 && batch.length() + frame.length() + 2 > MAX_BATCH_CHARS) {
                batches.add(batch.append(']').toString());
                batch.setLength(0);
            }
            batch.append(batch.length() == 0 ? '[' : ',').append(frame);
        }
        batches.add(batch.append(']').toString());
        return batches;
    }

    /** One frame at a time: the next starts when the previous completed, from the executor, never nested. */
    private void sendInOrder(Iterator<String> frames) {
        if (!frames.hasNext() || closed) {
            sent();
            return;
        }
        try {
            session.getAsyncRemote().sendText(frames.next(), result -> {
                if (result.isOK() && !frames.hasNext()) {
                    // Usually the case: the last frame is out. Nothing to send from here, so no hop to the
                    // executor (a thread wake-up per frame); a new send is scheduled, never started nested.
                    sent();
                } else if (result.isOK()) {
                    continueOn(() -> sendInOrder(frames));
                } else {
                    LOG.log(Level.FINE, "A send failed; closing the connection", result.getException());
                    closeBecause(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "Send failed"));
                }
            });
        } catch (RuntimeException sessionGone) {
            LOG.log(Level.FINE, "Could not send; the connection is gone", sessionGone);
            closed = true;
        }
    }

    /** The batch in flight is written: the client has read it, or its socket's buffers took it. */
    private void sent() {
        inFlightChars.set(0);
        sending.set(false);
        runIfDrained();
        startSending();
    }

    /** Whether fewer frames than {@code frames} wait, and fewer characters than {@code chars} wait or are in flight. */
    boolean isBelow(int frames, long chars) {
        return queued.get() < frames && queuedChars.get() + inFlightChars.get() < chars;
    }

    /**
     * Runs {@code then} once fewer than {@code frames} frames and {@code chars} characters wait: now, if that is
     * already so, else on the thread that takes them out. Holds no thread meanwhile, so a client that stops reading
     * costs only its queue. Dropped if the connection closes first.
     */
    void whenBelow(int frames, long chars, Runnable then) {
        drained.set(new Drained(frames, chars, then));
        runIfDrained();
    }

    private void runIfDrained() {
        Drained waiting = drained.get();
        if (waiting != null && !closed && isBelow(waiting.frames(), waiting.chars())
                && drained.compareAndSet(waiting, null)) {
            waiting.then().run();
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void continueOn(Runnable next) {
        try {
            executor.execute(next);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            closed = true;
        }
    }

    void closeBecause(CloseReason reason) {
        if (!closed) {
            LOG.log(Level.INFO, () -> "Closing a WebSocket: " + reason);
        }
        closed = true;
        queue.clear();
        drained.set(null);
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | RuntimeException alreadyClosed) {
            // The connection is gone either way.
        }
    }

    void discard() {
        closed = true;
        queue.clear();
        drained.set(null);
    }
}
