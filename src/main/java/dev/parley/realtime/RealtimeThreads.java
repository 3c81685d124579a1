package dev.parley.realtime;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads realtime delivery runs on, made by the container's thread factory so they carry the
 * application's context. Plain executors over managed threads, not the managed executor services: those
 * capture the caller's context on every task, which costs more than sending a WebSocket frame (docs/performance.md).
 */
@ApplicationScoped
class RealtimeThreads {

    @Resource
    ManagedThreadFactory threadFactory;

    /** Committed changes waiting to be published; a few seconds of the heaviest load measured. */
    static final int RELAY_BACKLOG = 10_000;
    /** Half the cores at most: however many clients resume at once, the rest is left for live messages. */
    static final int REPLAY_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    /** Replays (or their next pages) waiting for a thread; beyond this a resume is answered "busy" (1013). */
    static final int REPLAYS_WAITING = 10_000;

    private ScheduledExecutorService flushing;
    private ExecutorService relaying;
    private ExecutorService busDelivery;
    private ExecutorService databaseWork;
    private ThreadPoolExecutor replaying;
    private ScheduledExecutorService idleTimers;
    private ScheduledExecutorService heartbeats;

    /** Sends outgoing frames and times batch windows; its tasks never block. */
    synchronized ScheduledExecutorService flushing() {
        if (flushing == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, threadFactory);
            executor.setRemoveOnCancelPolicy(true);
            flushing = executor;
        }
        return flushing;
    }

    /**
     * One thread, so committed changes are published in the order they committed (see {@link ChangeRelay}). Its
     * queue is bounded: when delivery falls behind, the committing thread waits for room instead of the backlog
     * growing without end, so the message writer slows down and new posts are refused (rate_limited).
     */
    synchronized ExecutorService relaying() {
        if (relaying == null) {
            relaying = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(RELAY_BACKLOG), threadFactory, RealtimeThreads::waitForRoom);
        }
        return relaying;
    }

    private static void waitForRoom(Runnable change, ThreadPoolExecutor relay) {
        if (relay.isShutdown()) {
            throw new RejectedExecutionException("Parley is stopping");
        }
        try {
            relay.getQueue().put(change);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("Interrupted while waiting to relay a change", stop);
        }
    }

    /** One thread, so events from the Redis bus are delivered in the order they arrived; RedisBus bounds its backlog. */
    synchronized ExecutorService busDelivery() {
        if (busDelivery == null) {
            busDelivery = Executors.newSingleThreadExecutor(threadFactory);
        }
        return busDelivery;
    }

    /** Small database work for connections: reading missed messages after a gap, applying read markers. */
    synchronized ExecutorService databaseWork() {
        if (databaseWork == null) {
            databaseWork = Executors.newFixedThreadPool(2, threadFactory);
        }
        return databaseWork;
    }

    /**
     * Replays for {@code resume}, off the container's threads: a few at a time, the rest waiting in order of how
     * much they have been served ({@link CatchUp} bounds the queue). A replay that waits for its client to read
     * holds no thread.
     */
    synchronized ThreadPoolExecutor replaying() {
        if (replaying == null) {
            replaying = new ThreadPoolExecutor(REPLAY_THREADS, REPLAY_THREADS, 0, TimeUnit.MILLISECONDS,
                    new PriorityBlockingQueue<>(), threadFactory);
        }
        return replaying;
    }

    /** Times every WebSocket's idle timeout (see {@link IdleTimerRedirect}); re-armed, so cancelled, per frame. */
    synchronized ScheduledExecutorService idleTimers() {
        if (idleTimers == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threadFactory);
            executor.setRemoveOnCancelPolicy(true);
            idleTimers = executor;
        }
        return idleTimers;
    }

    /** The presence heartbeat's own thread: a Redis call that waits out an outage must not hold up the timers. */
    synchronized ScheduledExecutorService heartbeats() {
        if (heartbeats == null) {
            heartbeats = new ScheduledThreadPoolExecutor(1, threadFactory);
        }
        return heartbeats;
    }

    @PreDestroy
    synchronized void shutdown() {
        for (ExecutorService executor : new ExecutorService[] {flushing, relaying, busDelivery, databaseWork, replaying,
                idleTimers, heartbeats}) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }
}
