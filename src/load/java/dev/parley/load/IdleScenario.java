package dev.parley.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code idle}: N authenticated connections, many per user (20 by default, Parley's limit per user), opened and
 * held, each sending only
 * a {@code ping} every 25 s. Reports what a connection costs the server: resident memory, and live heap after a
 * full GC ({@code jcmd GC.class_histogram}, skipped with {@code --heap false}), measured before opening and
 * after, divided by the connections opened; and the server's CPU while they sit idle.
 */
final class IdleScenario {

    private static final double PING_INTERVAL_SECONDS = 25;

    private IdleScenario() {
    }

    static RunReport run(LoadContext context) {
        LoadArgs args = context.args();
        int sockets = args.integer("sockets", 1000, 1, 100_000);
        int userCount = args.integer("users", Math.max(1, (sockets + 19) / 20), 1, sockets);
        boolean heap = Boolean.parseBoolean(args.text("heap", "true"));
        List<LoadUsers.User> users = context.users(userCount);
        ServerProcess server = context.server();
        Measurements measurements = new Measurements();
        Timeline timeline = new Timeline(measurements, server, context.out());

        // The heap figure comes from a full GC, which can shrink the heap: read RSS after it, both times.
        long heapBefore = server != null && heap ? server.liveHeapBytes() : -1;
        long rssBefore = server == null ? -1 : server.residentBytes();
        context.out().printf(Locale.ROOT, "Before: server RSS %.1f MB, live heap %.1f MB%n", rssBefore / 1048576.0,
                heapBefore / 1048576.0);
        List<Connections.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            wanted.add(new Connections.Wanted(users.get(i % userCount), Map.of()));
        }
        context.out().printf("Opening %d connections as %d users%n", sockets, userCount);
        long openStart = System.nanoTime();
        Connections.Opened opened = Connections.open(context.http(), context.api(), measurements, wanted,
                args.integer("open-parallel", 50, 1, 1000), args.integer("open-seconds", 300, 10, 3600));
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        List<LoadClient> clients = opened.open();
        opened.failures().forEach(failure -> measurements.error("connect_failed"));
        context.out().printf(Locale.ROOT, "Opened %d of %d in %.1f s%n", clients.size(), sockets, openSeconds);
        try {
            sleepSeconds(2);
            long heapAfter = server != null && heap ? server.liveHeapBytes() : -1;
            long rssAfter = server == null ? -1 : server.residentBytes();
            timeline.restart();
            long holdCpuBefore = server == null ? -1 : server.cpuNanos();
            int seconds = context.seconds();
            Pacer pings = new Pacer().every(clients.size() / PING_INTERVAL_SECONDS,
                    (long) Math.ceil(clients.size() / PING_INTERVAL_SECONDS * seconds),
                    (i, intended) -> clients.get((int) (i % clients.size())).send(ClientFrames.PING));
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            Thread pinging = new Thread(() -> pings.run(start, end), "load-pinger");
            pinging.start();
            for (int s = 1; s <= seconds; s++) {
                sleepUntil(start + TimeUnit.SECONDS.toNanos(s));
                timeline.tick(0, "idle " + clients.size() + " open, pongs " + measurements.pongs.sum() + ";");
            }
            pinging.interrupt();
            long holdCpu = server == null ? -1 : server.cpuNanos() - holdCpuBefore;
            long rssEnd = server == null ? -1 : server.residentBytes();

            RunReport report = new RunReport("idle");
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("url", context.api().base().toString());
            shape.put("socketsWanted", sockets);
            shape.put("users", userCount);
            shape.put("holdSeconds", seconds);
            shape.put("options", args.given());
            report.put("run", shape);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("socketsOpened", clients.size());
            figures.put("socketsFailed", opened.failures().size());
            figures.put("openSeconds", MessageScenario.round(openSeconds));
            figures.put("socketsOpenedPerSecond", MessageScenario.round(clients.size() / openSeconds));
            figures.put("pongs", measurements.pongs.sum());
            figures.put("batching", clients.stream().allMatch(LoadClient::batching));
            report.put("figures", figures);
            report.put("errors", measurements.errorsByCode());
            report.put("server", serverSection(server, clients.size(), rssBefore, rssAfter, rssEnd, heapBefore,
                    heapAfter, holdCpu, seconds));
            if (!opened.failures().isEmpty()) {
                report.put("firstFailures", opened.failures().subList(0, Math.min(5, opened.failures().size())));
            }
            return report.seconds(timeline.seconds()).verdict(DeliveryCheck.Verdict.NONE, measurements.errorCount());
        } finally {
            clients.forEach(LoadClient::close);
        }
    }

    private static Map<String, Object> serverSection(ServerProcess server, int opened, long rssBefore, long rssAfter,
            long rssEnd, long heapBefore, long heapAfter, long holdCpu, int seconds) {
        Map<String, Object> section = new LinkedHashMap<>();
        if (server == null) {
            section.put("note", "no server process known: give --pid (or run where ss shows the listener's pid)");
            return section;
        }
        section.put("pid", server.pid());
        section.put("rssMbBefore", mb(rssBefore));
        section.put("rssMbAfterOpening", mb(rssAfter));
        section.put("rssMbAtEnd", mb(rssEnd));
        section.put("rssKbPerSocket", opened == 0 ? null : MessageScenario.round((rssAfter - rssBefore) / 1024.0 / opened));
        if (heapBefore >= 0 && heapAfter >= 0) {
            section.put("liveHeapMbBefore", mb(heapBefore));
            section.put("liveHeapMbAfterOpening", mb(heapAfter));
            section.put("liveHeapKbPerSocket", opened == 0 ? null
                    : MessageScenario.round((heapAfter - heapBefore) / 1024.0 / opened));
        } else {
            section.put("liveHeap", "not measured (--heap false, or jcmd could not attach)");
        }
        section.put("idleCpuCores", MessageScenario.round(holdCpu / 1e9 / seconds));
        return section;
    }

    private static double mb(long bytes) {
        return MessageScenario.round(bytes / 1048576.0);
    }

    private static void sleepSeconds(int seconds) {
        sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
    }

    private static void sleepUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
