package dev.parley.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What all connections of a run count and time, shared by their receiving threads: deliveries, acks, frames,
 * errors by code, and the latency recorders. {@link #origin} is the clock origin the message bodies are
 * relative to.
 */
final class Measurements {

    final long origin = System.nanoTime();
    /** Makes this run's clientIds unique among all runs, since users (and their clientIds) are reused. */
    final String runTag = "lt" + Long.toString(System.currentTimeMillis(), 36)
            + Integer.toString((int) (Math.random() * 1296), 36);
    final LatencyRecorder deliveryLatency = new LatencyRecorder();
    final LatencyRecorder ackLatency = new LatencyRecorder();
    final LatencyRecorder historyLatency = new LatencyRecorder();
    final LongAdder deliveries = new LongAdder();
    final LongAdder acks = new LongAdder();
    final LongAdder webSocketMessages = new LongAdder();
    final LongAdder pongs = new LongAdder();
    /** Reactions the team mix sent (answered or not). */
    final LongAdder reactions = new LongAdder();
    final LongAdder historyRequests = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile SentMessages sent;

    SentMessages sent() {
        return sent;
    }

    void track(SentMessages messages) {
        this.sent = messages;
    }

    void error(String code) {
        errors.computeIfAbsent(code == null ? "unknown" : code, key -> new LongAdder()).increment();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errorsByCode() {
        Map<String, Long> byCode = new TreeMap<>();
        errors.forEach((code, count) -> byCode.put(code, count.sum()));
        return byCode;
    }
}
