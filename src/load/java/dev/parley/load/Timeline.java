package dev.parley.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The run second by second: every {@link #tick} takes what the recorders and counters gathered since the last
 * one, samples the server process, prints the progress line and keeps the sample for the report's charts.
 * Only the run's main thread calls it.
 */
final class Timeline {

    /** One second of the run (the last one of a step may be shorter). Latencies in milliseconds. */
    record Second(double t, double offeredDeliveriesPerSecond, double sendsPerSecond, double deliveriesPerSecond,
            double acksPerSecond, double p50, double p99, double max, double ackP99, double historyP99,
            long lostSoFar, long errors, double serverCores, double serverRssMb, double serverLiveHeapMb) {
    }

    private static final long LOST_GRACE_NANOS = 5_000_000_000L;

    private final Measurements measurements;
    private final ServerProcess server;
    private final PrintStream out;
    private final List<Second> seconds = new ArrayList<>();
    private Histogram step = newHistogram();
    private long lastTick;
    private long lastSends;
    private long lastDeliveries;
    private long lastAcks;
    private long lastServerCpu;
    private long sends;
    /** The server's live heap after a full GC, as last sampled ({@code --heap-every}); NaN once reported. */
    private volatile double liveHeapMb = Double.NaN;

    Timeline(Measurements measurements, ServerProcess server, PrintStream out) {
        this.measurements = measurements;
        this.server = server;
        this.out = out;
        restart();
    }

    /** Starts counting afresh from now, e.g. when the measured part of a run begins. */
    void restart() {
        lastTick = System.nanoTime();
        lastDeliveries = measurements.deliveries.sum();
        lastAcks = measurements.acks.sum();
        lastSends = sends;
        lastServerCpu = server == null ? -1 : server.cpuNanos();
        measurements.deliveryLatency.takeInterval();
        measurements.ackLatency.takeInterval();
        measurements.historyLatency.takeInterval();
        step = newHistogram();
    }

    /** A live-heap sample, reported with the next second. */
    void liveHeap(double megabytes) {
        liveHeapMb = megabytes;
    }

    /** Messages handed to connections so far; the pacer's count, read here for the rate. */
    void sendsSoFar(long count) {
        sends = count;
    }

    List<Second> seconds() {
        return List.copyOf(seconds);
    }

    /** The delivery latencies since the last {@link #startStep}. */
    Histogram step() {
        return step.copy();
    }

    void startStep() {
        step = newHistogram();
    }

    Second tick(double offeredDeliveriesPerSecond, String label) {
        long now = System.nanoTime();
        double elapsed = Math.max(1e-3, (now - lastTick) / 1e9);
        Histogram deliveries = measurements.deliveryLatency.takeInterval();
        Histogram acks = measurements.ackLatency.takeInterval();
        Histogram history = measurements.historyLatency.takeInterval();
        step.add(deliveries);
        long delivered = measurements.deliveries.sum();
        long acked = measurements.acks.sum();
        double cores = Double.NaN;
        double rssMb = Double.NaN;
        if (server != null) {
            long cpu = server.cpuNanos();
            cores = (cpu - lastServerCpu) / 1e9 / elapsed;
            lastServerCpu = cpu;
            rssMb = server.residentBytes() / 1048576.0;
        }
        SentMessages sent = measurements.sent();
        long lost = sent == null ? 0 : sent.missingOlderThan(now, LOST_GRACE_NANOS);
        Second second = new Second(round((now - measurements.origin) / 1e9), round(offeredDeliveriesPerSecond),
                round((sends - lastSends) / elapsed), round((delivered - lastDeliveries) / elapsed),
                round((acked - lastAcks) / elapsed), percentile(deliveries, 50), percentile(deliveries, 99),
                LatencyRecorder.millis(deliveries.getMaxValue()), percentile(acks, 99), percentile(history, 99), lost,
                measurements.errorCount(), round(cores), round(rssMb), liveHeapMb);
        liveHeapMb = Double.NaN;
        seconds.add(second);
        lastTick = now;
        lastSends = sends;
        lastDeliveries = delivered;
        lastAcks = acked;
        out.println(progressLine(second, label));
        return second;
    }

    private String progressLine(Second s, String label) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "[%6.1fs] %s sent %,.0f/s  delivered %,.0f/s (offered %,.0f/s)  p99 %.1f ms  max %.1f ms  acks %,.0f/s"
                        + "  lost %d  errors %d",
                s.t(), label, s.sendsPerSecond(), s.deliveriesPerSecond(), s.offeredDeliveriesPerSecond(), s.p99(),
                s.max(), s.acksPerSecond(), s.lostSoFar(), s.errors()));
        if (s.historyP99() > 0) {
            line.append(String.format(Locale.ROOT, "  history p99 %.1f ms", s.historyP99()));
        }
        if (!Double.isNaN(s.serverCores())) {
            line.append(String.format(Locale.ROOT, "  server %.2f cores %.0f MB", s.serverCores(), s.serverRssMb()));
        }
        if (!Double.isNaN(s.serverLiveHeapMb())) {
            line.append(String.format(Locale.ROOT, "  live heap %.0f MB", s.serverLiveHeapMb()));
        }
        return line.toString();
    }

    private static double percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : LatencyRecorder.millis(histogram.getValueAtPercentile(percentile));
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }

    private static Histogram newHistogram() {
        return new Histogram(600_000_000L, 3);
    }
}
