package dev.parley.load;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Sends messages at a fixed aggregate rate for a while, round robin over the senders, then waits (bounded) for
 * every acked message to reach every member connection: one step of a run. A plain run is one step; the ramp
 * runs many on the same connections. The pacer thread does all sending; the calling thread ticks the timeline.
 */
final class MessageRun {

    /** A connection that posts to one room (its index in {@link SentMessages}). */
    record Sender(LoadClient client, String room, int roomIndex) {
    }

    /** What one step did. Latencies in milliseconds; rates per second of the step's elapsed time. */
    record Step(double rate, double seconds, long scheduled, long deliveries, long expectedDeliveries,
            double offeredDeliveriesPerSecond, double achievedDeliveriesPerSecond, double p50, double p99,
            double max, long missing, long unanswered, long errors, double elapsedSeconds, long serverCpuNanos) {

        boolean clean() {
            return missing == 0 && unanswered == 0 && errors == 0;
        }
    }

    private final Measurements measurements;
    private final Timeline timeline;
    private final List<Sender> senders;
    private final SentMessages sent;
    private final int deliveriesPerMessage;
    private final int bodySize;
    private final ServerProcess server;
    private HistoryReaders historyReaders;
    private double historyRate;
    private TeamMix teamMix;

    MessageRun(Measurements measurements, Timeline timeline, List<Sender> senders, SentMessages sent,
            int deliveriesPerMessage, int bodySize, ServerProcess server) {
        this.measurements = measurements;
        this.timeline = timeline;
        this.senders = senders;
        this.sent = sent;
        this.deliveriesPerMessage = deliveriesPerMessage;
        this.bodySize = bodySize;
        this.server = server;
    }

    /** Also pages through history at {@code ratePerSecond} requests while messages flow. */
    MessageRun withHistory(HistoryReaders readers, double ratePerSecond) {
        this.historyReaders = readers;
        this.historyRate = ratePerSecond;
        return this;
    }

    /** Makes a share of the messages thread replies, and sends reactions beside a share of them. */
    MessageRun withTeamMix(TeamMix mix) {
        this.teamMix = mix;
        return this;
    }

    Step step(double rate, int seconds, int drainSeconds, String label) {
        long count = Math.min((long) Math.ceil(rate * seconds), sent.capacity() - (long) sent.sent());
        int firstSeq = sent.sent();
        long deliveriesBefore = measurements.deliveries.sum();
        long expectedBefore = sent.expectedDeliveries();
        long errorsBefore = measurements.errorCount();
        Pacer pacer = new Pacer().every(rate, count, (i, intended) -> send(firstSeq + (int) i, i, intended));
        if (historyReaders != null) {
            pacer.every(historyRate, (long) Math.ceil(historyRate * seconds), historyReaders);
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long serverCpuBefore = server == null ? -1 : server.cpuNanos();
        Thread pacing = new Thread(() -> pacer.run(start, end + 1), "load-pacer");
        pacing.start();
        timeline.startStep();
        double offered = rate * deliveriesPerMessage;
        long nextTick = start + TimeUnit.SECONDS.toNanos(1);
        while (pacing.isAlive()) {
            sleepUntil(Math.min(nextTick, System.nanoTime() + 100_000_000L));
            if (System.nanoTime() >= nextTick) {
                timeline.sendsSoFar(sent.sent());
                timeline.tick(offered, label);
                nextTick += TimeUnit.SECONDS.toNanos(1);
            }
        }
        timeline.sendsSoFar(sent.sent());
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (!drained(deliveriesBefore, expectedBefore) && System.nanoTime() < drainEnd) {
            sleepUntil(Math.min(nextTick, System.nanoTime() + 50_000_000L));
            if (System.nanoTime() >= nextTick) {
                timeline.tick(0, label + " (drain)");
                nextTick += TimeUnit.SECONDS.toNanos(1);
            }
        }
        long done = System.nanoTime();
        long serverCpu = server == null ? -1 : server.cpuNanos() - serverCpuBefore;
        // The step's last sample is a whole second too, so that its rates compare with the others.
        sleepUntil(nextTick);
        timeline.tick(0, label + " (end)");
        Histogram latency = timeline.step();
        double elapsed = Math.max(seconds, (done - start) / 1e9);
        long delivered = measurements.deliveries.sum() - deliveriesBefore;
        long expected = sent.expectedDeliveries() - expectedBefore;
        return new Step(rate, seconds, count, delivered, expected, offered, delivered / elapsed,
                quantile(latency, 50), quantile(latency, 99), LatencyRecorder.millis(latency.getMaxValue()),
                Math.max(0, expected - delivered), sent.unanswered(), measurements.errorCount() - errorsBefore,
                elapsed, serverCpu);
    }

    private void send(int seq, long index, long intended) {
        Sender sender = senders.get((int) (index % senders.size()));
        long intendedFromOrigin = intended - measurements.origin;
        sent.sending(seq, sender.roomIndex(), intendedFromOrigin);
        String clientId = LoadBody.clientId(measurements.runTag, seq);
        String body = LoadBody.of(intendedFromOrigin, seq, bodySize);
        long newest = teamMix == null ? 0 : sent.newestAcked();
        if (newest > 0 && teamMix.isReply(seq)) {
            sender.client().send(ClientFrames.reply(sender.room(), clientId, body, newest));
        } else {
            sender.client().send(ClientFrames.send(sender.room(), clientId, body));
        }
        if (newest > 0 && teamMix.isReaction(seq)) {
            teamMix.react(sender.client().user.cookie(), sender.room(), newest, seq, measurements);
        }
    }

    /** Every send answered, and this step's acked messages delivered to all their member connections. */
    private boolean drained(long deliveriesBefore, long expectedBefore) {
        return sent.unanswered() == 0
                && measurements.deliveries.sum() - deliveriesBefore >= sent.expectedDeliveries() - expectedBefore
                && (historyReaders == null || historyReaders.outstanding() == 0);
    }

    private static double quantile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : LatencyRecorder.millis(histogram.getValueAtPercentile(percentile));
    }

    private static void sleepUntil(long deadline) {
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
