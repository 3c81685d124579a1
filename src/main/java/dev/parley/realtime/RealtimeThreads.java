package dev.parley.realtime;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The threads realtime delivery runs on, made by the container's thread factory so they carry the
 * application's context. Plain executors over managed threads, not the managed executor services: those
 * capture the caller's context on every task, which costs more than sending a WebSocket frame (TOOLCHAIN.md).
 */
@ApplicationScoped
class RealtimeThreads {

    @Resource
    ManagedThreadFactory threadFactory;

    private ScheduledExecutorService flushing;
    private ExecutorService relaying;
    private ExecutorService busDelivery;
    private ExecutorService catchingUp;
    private ScheduledExecutorService idleTimers;

    /** Sends outgoing frames and times batch windows; its tasks never block. */
    synchronized ScheduledExecutorService flushing() {
        if (flushing == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, threadFactory);
            executor.setRemoveOnCancelPolicy(true);
            flushing = executor;
        }
        return flushing;
    }

    /** One thread, so committed changes are published in the order they committed (see {@link ChangeRelay}). */
    synchronized ExecutorService relaying() {
        if (relaying == null) {
            relaying = Executors.newSingleThreadExecutor(threadFactory);
        }
        return relaying;
    }

    /** One thread, so events from the Redis bus are delivered in the order they arrived. */
    synchronized ExecutorService busDelivery() {
        if (busDelivery == null) {
            busDelivery = Executors.newSingleThreadExecutor(threadFactory);
        }
        return busDelivery;
    }

    /** Reads missed messages from the database for connections that noticed a gap. */
    synchronized ExecutorService catchingUp() {
        if (catchingUp == null) {
            catchingUp = Executors.newFixedThreadPool(2, threadFactory);
        }
        return catchingUp;
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

    @PreDestroy
    synchronized void shutdown() {
        for (ExecutorService executor : new ExecutorService[] {flushing, relaying, busDelivery, catchingUp, idleTimers}) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }
}
