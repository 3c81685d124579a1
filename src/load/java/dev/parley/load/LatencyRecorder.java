package dev.parley.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in microseconds, recorded from any thread without locks (HdrHistogram's {@link Recorder}); the
 * monitoring thread takes one interval per second for the progress line and the timeline, and keeps the total.
 * Callers record from the intended send time of the fixed-rate schedule, so a stalled server shows up as
 * latency rather than as fewer samples (coordinated omission).
 */
final class LatencyRecorder {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    private Histogram interval;

    void recordNanos(long nanos) {
        recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000)));
    }

    /** What was recorded since the last call; also added to the total. Monitoring thread only. */
    synchronized Histogram takeInterval() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval.copy();
    }

    /** Forgets everything recorded so far: what a warm-up measured is not part of the run. */
    synchronized void restartTotal() {
        takeInterval();
        total.reset();
    }

    /** Everything recorded up to the last {@link #takeInterval}. */
    synchronized Histogram total() {
        return total.copy();
    }

    /** Count, p50, p95, p99, p99.9 and max in milliseconds, for reports. */
    static Map<String, Object> summary(Histogram histogram) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", histogram.getTotalCount());
        summary.put("p50", millis(histogram.getValueAtPercentile(50)));
        summary.put("p95", millis(histogram.getValueAtPercentile(95)));
        summary.put("p99", millis(histogram.getValueAtPercentile(99)));
        summary.put("p999", millis(histogram.getValueAtPercentile(99.9)));
        summary.put("max", millis(histogram.getMaxValue()));
        return summary;
    }

    static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
