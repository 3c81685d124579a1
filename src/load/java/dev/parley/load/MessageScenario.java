package dev.parley.load;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Runs a scenario that sends messages ({@code fanout}, {@code history}, {@code pairs}) on connections its
 * setup opened: one step at the given rate, or with {@code --ramp} a {@link RampSearch} over rates. Then checks
 * delivery per connection and room ({@link DeliveryCheck}) and gathers the report.
 */
final class MessageScenario {

    /** What a scenario's setup opened and decided. {@code rate} is messages per second, all senders together. */
    record Setup(List<LoadClient> clients, List<MessageRun.Sender> senders, List<String> rooms,
            int[] connectionsPerRoom, int deliveriesPerMessage, double rate, Map<String, Object> shape,
            HistoryReaders history, double historyRate, TeamMix teamMix) {
    }

    private static final int MAX_MESSAGES = 5_000_000;

    private MessageScenario() {
    }

    static RunReport run(LoadContext context, String scenario, Measurements measurements, Setup setup) {
        LoadArgs args = context.args();
        boolean ramp = args.flag("ramp");
        int seconds = context.seconds();
        int stepSeconds = args.integer("step-seconds", 5, 1, 600);
        int rampSeconds = args.integer("ramp-seconds", 120, 5, 3600);
        double perUserLimit = context.sendLimit();
        double maxRate = args.decimal("max-rate", setup.senders().size() * perUserLimit, 0.1, 1_000_000);
        double startRate = args.decimal("start-rate", Math.max(1, Math.floor(maxRate / 16)), 0.1, maxRate);
        int maxSteps = Math.max(2, rampSeconds / (stepSeconds + 2));
        // Both JVMs compile their hot paths in the first seconds; measured from a cold start, a rate fails that
        // passes a moment later. So a warm-up step at a quarter of the first rate runs first and is not counted
        // (at the full rate the cold tool builds a backlog that spills into the measured part). 10 s was too short:
        // fan-out at 80,000 deliveries/s then had seconds of 150-660 ms p99 right after the step up, 30 s none.
        int warmupSeconds = args.integer("warmup", 30, 0, 120);
        double warmupRate = Math.max(1, (ramp ? startRate : setup.rate()) / 4);
        long capacity = (long) Math.ceil(warmupRate * warmupSeconds)
                + (ramp ? (long) Math.ceil(maxRate * stepSeconds) * maxSteps : (long) Math.ceil(setup.rate() * seconds));
        SentMessages sent = new SentMessages((int) Math.min(MAX_MESSAGES, capacity + 1), setup.rooms(),
                setup.connectionsPerRoom());
        if (capacity > MAX_MESSAGES) {
            context.out().printf("Note: at most %,d messages per run; later steps are cut short%n", MAX_MESSAGES);
        }
        measurements.track(sent);
        Timeline timeline = new Timeline(measurements, context.server(), context.out());
        Thread heapSampler = heapSampler(context, timeline);
        MessageRun run = new MessageRun(measurements, timeline, setup.senders(), sent, setup.deliveriesPerMessage(),
                context.bodySize(), context.server());
        if (setup.history() != null) {
            run.withHistory(setup.history(), setup.historyRate());
        }
        if (setup.teamMix() != null) {
            run.withTeamMix(setup.teamMix());
        }
        long ackedInWarmup = 0;
        if (warmupSeconds > 0) {
            context.out().printf(Locale.ROOT, "Warm-up: %d s at %.1f messages/s, not counted%n", warmupSeconds,
                    warmupRate);
            run.step(warmupRate, warmupSeconds, context.drainSeconds(), "warm-up");
            ackedInWarmup = sent.acked();
            measurements.deliveryLatency.restartTotal();
            measurements.ackLatency.restartTotal();
        }
        ServerProcess server = context.server();
        long rssBefore = server == null ? -1 : server.residentBytes();
        long toolCpuBefore = toolCpuNanos();
        long wallBefore = System.nanoTime();
        timeline.restart();

        List<MessageRun.Step> steps = new ArrayList<>();
        Map<String, Object> rampSection = null;
        if (ramp) {
            double target = args.decimal("target-p99", 50, 0.1, 60_000);
            RampSearch search = new RampSearch(startRate, maxRate, 0.1, maxSteps);
            context.out().println(String.format(Locale.ROOT, "Ramp: p99 target %.1f ms, %d s steps, rates %.1f to %.1f "
                    + "messages/s, at most %d steps / %d s", target, stepSeconds, startRate, maxRate, maxSteps, rampSeconds));
            long rampEnd = System.nanoTime() + rampSeconds * 1_000_000_000L;
            for (OptionalDouble next = search.next(); next.isPresent() && System.nanoTime() < rampEnd;
                    next = search.next()) {
                double rate = next.getAsDouble();
                context.warnIfOverLimit(rate / setup.senders().size());
                MessageRun.Step step = run.step(rate, stepSeconds, context.drainSeconds(),
                        String.format(Locale.ROOT, "ramp %.1f msg/s", rate));
                boolean passed = step.p99() < target && step.clean();
                search.record(rate, passed);
                steps.add(step);
                context.out().printf(Locale.ROOT, "RAMP STEP %.1f messages/s = %,.0f deliveries/s offered, %,.0f achieved: "
                        + "p99 %.1f ms, missing %d, errors %d -> %s%n", rate, step.offeredDeliveriesPerSecond(),
                        step.achievedDeliveriesPerSecond(), step.p99(), step.missing(), step.errors(),
                        passed ? "pass" : "FAIL");
            }
            rampSection = new LinkedHashMap<>();
            rampSection.put("targetP99Ms", target);
            rampSection.put("bestMessagesPerSecond", search.best());
            rampSection.put("bestDeliveriesPerSecond", search.best() * setup.deliveriesPerMessage());
            rampSection.put("lowestFailingMessagesPerSecond",
                    Double.isInfinite(search.lowestFailing()) ? null : search.lowestFailing());
            rampSection.put("steps", steps);
            context.out().printf(Locale.ROOT, "RAMP RESULT: highest rate with p99 < %.0f ms and nothing lost: "
                    + "%.1f messages/s = %,.0f deliveries/s%s%n", target, search.best(),
                    search.best() * setup.deliveriesPerMessage(),
                    search.best() >= maxRate ? " (the maximum tried: raise --max-rate and the server's send limit)" : "");
        } else {
            steps.add(run.step(setup.rate(), seconds, context.drainSeconds(), scenario));
        }
        long wall = System.nanoTime() - wallBefore;
        long toolCpu = toolCpuNanos() - toolCpuBefore;
        long rssAfter = server == null ? -1 : server.residentBytes();

        DeliveryCheck.Verdict verdict = DeliveryCheck.verifyAll(
                setup.clients().stream().map(LoadClient::rooms).toList(), sent.ackedIdsByRoom());
        Map<String, Long> errors = new LinkedHashMap<>(measurements.errorsByCode());
        if (sent.unanswered() > 0) {
            errors.put("no_answer", sent.unanswered());
        }
        long errorTotal = errors.values().stream().mapToLong(Long::longValue).sum();

        if (heapSampler != null) {
            heapSampler.interrupt();
        }
        RunReport report = new RunReport(scenario);
        report.put("run", setup.shape());
        MessageRun.Step total = combined(steps);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("offeredMessagesPerSecond", total.rate());
        figures.put("offeredDeliveriesPerSecond", total.offeredDeliveriesPerSecond());
        figures.put("achievedDeliveriesPerSecond", round(total.achievedDeliveriesPerSecond()));
        figures.put("acksPerSecond", round((sent.acked() - ackedInWarmup) / total.elapsedSeconds()));
        figures.put("messagesScheduled", total.scheduled());
        figures.put("messagesAcked", sent.acked() - ackedInWarmup);
        figures.put("messagesRefused", sent.errored());
        figures.put("messagesUnanswered", sent.unanswered());
        figures.put("deliveries", total.deliveries());
        figures.put("deliveriesExpected", total.expectedDeliveries());
        figures.put("webSocketMessagesReceived", measurements.webSocketMessages.sum());
        figures.put("sendingSeconds", total.seconds());
        figures.put("elapsedSeconds", round(total.elapsedSeconds()));
        report.put("figures", figures);
        report.put("latencyMs", LatencyRecorder.summary(measurements.deliveryLatency.total()));
        report.put("ackLatencyMs", LatencyRecorder.summary(measurements.ackLatency.total()));
        report.put("errors", errors);
        if (setup.teamMix() != null) {
            report.put("reactionsSent", measurements.reactions.sum());
        }
        report.put("server", serverSection(server, total, rssBefore, rssAfter, timeline));
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("cpuCores", round(toolCpu / (double) wall));
        tool.put("cpuMicrosPerDelivery", total.deliveries() == 0 ? null : round(toolCpu / 1e3 / total.deliveries()));
        tool.put("threads", Thread.activeCount());
        report.put("tool", tool);
        if (setup.history() != null) {
            Map<String, Object> history = new LinkedHashMap<>();
            history.put("readers", setup.history().size());
            history.put("requestsPerSecondOffered", setup.historyRate());
            history.put("requests", measurements.historyRequests.sum());
            history.put("pagesRead", setup.history().pagesRead());
            history.put("restartsAtNewest", setup.history().restarts());
            history.put("latencyMs", LatencyRecorder.summary(measurements.historyLatency.total()));
            report.put("history", history);
        }
        if (rampSection != null) {
            report.put("ramp", rampSection);
        }
        report.seconds(timeline.seconds()).verdict(verdict, errorTotal);
        return report;
    }

    private static Map<String, Object> serverSection(ServerProcess server, MessageRun.Step total, long rssBefore,
            long rssAfter, Timeline timeline) {
        Map<String, Object> section = new LinkedHashMap<>();
        if (server == null) {
            section.put("note", "no server process known: give --pid (or run where ss shows the listener's pid)");
            return section;
        }
        section.put("pid", server.pid());
        section.put("cpuCores", round(total.serverCpuNanos() / 1e9 / total.elapsedSeconds()));
        section.put("cpuMicrosPerDelivery", total.deliveries() == 0 ? null
                : round(total.serverCpuNanos() / 1e3 / total.deliveries()));
        section.put("rssMbBefore", round(rssBefore / 1048576.0));
        section.put("rssMbAfter", round(rssAfter / 1048576.0));
        section.put("rssMbMax", timeline.seconds().stream().mapToDouble(Timeline.Second::serverRssMb)
                .filter(Double::isFinite).max().orElse(Double.NaN));
        return section;
    }

    /** The steps as one: sums, the overall rate, and elapsed time; latencies come from the run's total instead. */
    private static MessageRun.Step combined(List<MessageRun.Step> steps) {
        if (steps.size() == 1) {
            return steps.get(0);
        }
        double seconds = steps.stream().mapToDouble(MessageRun.Step::seconds).sum();
        double elapsed = steps.stream().mapToDouble(MessageRun.Step::elapsedSeconds).sum();
        long scheduled = steps.stream().mapToLong(MessageRun.Step::scheduled).sum();
        long deliveries = steps.stream().mapToLong(MessageRun.Step::deliveries).sum();
        long expected = steps.stream().mapToLong(MessageRun.Step::expectedDeliveries).sum();
        double offered = steps.stream().mapToDouble(s -> s.offeredDeliveriesPerSecond() * s.seconds()).sum() / seconds;
        long cpu = steps.stream().mapToLong(MessageRun.Step::serverCpuNanos).sum();
        return new MessageRun.Step(round(scheduled / seconds), seconds, scheduled, deliveries, expected, round(offered),
                deliveries / elapsed, 0, 0, 0, Math.max(0, expected - deliveries), 0, 0, elapsed, cpu);
    }

    private static long toolCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : value;
    }

    /**
     * With {@code --heap-every S}: every S seconds, the server's live heap after a full GC (jcmd), for long runs
     * whose memory must stay flat. Each sample is a full GC, so its second shows a pause.
     */
    private static Thread heapSampler(LoadContext context, Timeline timeline) {
        int every = context.args().integer("heap-every", 0, 0, 3600);
        if (every == 0 || context.server() == null) {
            return null;
        }
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every * 1000L);
                    long bytes = context.server().liveHeapBytes();
                    if (bytes > 0) {
                        timeline.liveHeap(round(bytes / 1048576.0));
                    }
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }
}
