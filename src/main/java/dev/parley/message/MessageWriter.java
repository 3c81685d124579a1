package dev.parley.message;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where every posted message, and every reaction added or taken back, waits to be stored: one thread takes what
 * has queued up and stores it in one transaction (group commit), so a busy server commits a batch where it would
 * have committed each write. An answer completes only after its batch has committed, which is when the message
 * may be acked. One writer per node also keeps a connection's messages in the order it sent them. Reactions go
 * the same way because each in a transaction of its own waited for the room's lock (PostgreSQL) or the
 * database's one writer (SQLite) between the batches, and raised every message's latency.
 */
@ApplicationScoped
public class MessageWriter {

    /** Large enough to amortise a commit, small enough that the first message of a batch is not kept waiting. */
    static final int MAX_BATCH = 128;
    /** Posts waiting beyond this are refused (rate_limited) rather than queued without bound. */
    static final int MAX_WAITING = 20_000;
    private static final Logger LOG = Logger.getLogger(MessageWriter.class.getName());

    @Inject
    MessageService messages;

    @Resource
    ManagedThreadFactory threadFactory;

    private final BlockingQueue<Waiting> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
    private Thread writer;
    private volatile boolean stopping;
    /** When the writer last came round its loop (it does at least every second while it lives); 0 before it starts. */
    private volatile long lastTurnMillis;
    private final LongAdder stored = new LongAdder();

    /** A write and the answer its caller waits for: a {@link Posted} for a post, the reactions for a reaction. */
    private record Waiting(Write request, CompletableFuture<?> answer) {

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            ((CompletableFuture<Object>) answer).complete(result);
        }
    }

    /**
     * Queues a message to be stored. Bad input is refused at once (the exception); the answer completes with
     * the stored message once committed, or exceptionally with the refusal or failure.
     */
    public CompletableFuture<Posted> post(String sender, Draft draft) {
        return queue(messages.request(sender, draft), "send the message again in a moment");
    }

    /**
     * Queues a reaction to be added or taken back; the answer completes with all of the message's reactions once
     * committed, or exceptionally with the refusal or failure.
     */
    public CompletableFuture<List<ReactionView>> react(ReactionChange change) {
        return queue(change, "react again in a moment");
    }

    private <T> CompletableFuture<T> queue(Write request, String tryAgain) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (!startWriter()) {
            throw stopping();
        }
        if (!waiting.offer(new Waiting(request, answer))) {
            throw new ParleyException(ErrorCode.RATE_LIMITED, "Parley is busy; " + tryAgain);
        }
        return answer;
    }

    /**
     * Starts the writer on first use, and again should it ever have died; false once the application is stopping
     * (nothing would store the post).
     */
    private synchronized boolean startWriter() {
        if (stopping) {
            return false;
        }
        if (writer == null || !writer.isAlive()) {
            writer = threadFactory.newThread(this::writeUntilStopped);
            writer.setName("parley-message-writer");
            writer.start();
        }
        return true;
    }

    private static ParleyException stopping() {
        return new ParleyException(ErrorCode.INTERNAL, "Parley is stopping; send again");
    }

    private void writeUntilStopped() {
        List<Waiting> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping) {
            lastTurnMillis = System.currentTimeMillis();
            try {
                Waiting first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error unexpected) {
                // Whatever it was, the writer goes on: the posts waiting behind this batch must still be stored.
                LOG.log(Level.SEVERE, "The message writer hit a failure it did not expect", unexpected);
                batch.forEach(post -> post.answer().completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Stores a batch. If its transaction fails (a database error, not a refusal), each write is tried again in
     * a transaction of its own, so one bad write cannot fail the others.
     */
    private void write(List<Waiting> batch) {
        List<WriteOutcome> outcomes;
        try {
            outcomes = messages.store(batch.stream().map(Waiting::request).toList());
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                LOG.log(Level.WARNING, "Storing a message or reaction failed", failed);
                batch.get(0).answer().completeExceptionally(failed);
            } else {
                batch.forEach(post -> write(List.of(post)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            WriteOutcome outcome = outcomes.get(i);
            Waiting write = batch.get(i);
            if (outcome.refusal() != null) {
                write.answer().completeExceptionally(outcome.refusal());
            } else {
                if (outcome.answer() instanceof Posted) {
                    stored.increment();
                }
                write.complete(outcome.answer());
            }
        }
    }

    /**
     * Whether the writer is working: not started yet (it starts with the first post), or round its loop within
     * {@code withinMillis}. A writer stuck in one batch that long (the database not answering) is not.
     */
    public boolean isWorking(long withinMillis) {
        long last = lastTurnMillis;
        return last == 0 || System.currentTimeMillis() - last <= withinMillis;
    }

    /** Posts and reactions waiting for the writer. */
    public int queueDepth() {
        return waiting.size();
    }

    /** Messages this node's writer has stored since it started (resends answered from the database included). */
    public long stored() {
        return stored.sum();
    }

    @PreDestroy
    void stop() {
        Thread running;
        synchronized (this) {
            stopping = true;
            running = writer;
        }
        if (running != null) {
            running.interrupt();
        }
        for (Waiting post; (post = waiting.poll()) != null; ) {
            post.answer().completeExceptionally(stopping());
        }
    }
}
