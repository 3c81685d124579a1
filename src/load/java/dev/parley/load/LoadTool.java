package dev.parley.load;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load tool's command line: {@code LoadTool <fanout|pairs|idle|history> [--option value ...] [--ramp]}
 * (see {@link LoadArgs#USAGE}) against a running Parley. Prints a progress line per second and a summary, and
 * writes the run as JSON and HTML to {@code --out} (default {@code target/bench}). Exit status 0 when nothing
 * was lost, duplicated or out of order and there were no errors; 1 otherwise; 2 for a bad command line.
 */
public final class LoadTool {

    private LoadTool() {
    }

    public static void main(String[] args) {
        int status;
        try {
            RunReport report = run(args, System.out);
            status = clean(report) ? 0 : 1;
        } catch (IllegalArgumentException badCommand) {
            System.err.println(badCommand.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** Runs one scenario to its end and returns its written report. */
    public static RunReport run(String[] args, PrintStream out) {
        LoadArgs options = LoadArgs.parse(args);
        List<URI> urls = Arrays.stream(options.text("url", "http://127.0.0.1:8080/").split(","))
                .map(String::strip).filter(url -> !url.isEmpty()).map(URI::create).toList();
        URI url = urls.get(0);
        ServerProcess server = ServerProcess.find(options.number("pid", 0, 0, Long.MAX_VALUE), portOf(url));
        if (server != null && urls.size() > 1) {
            server = server.with(urls.subList(1, urls.size()).stream()
                    .map(other -> ServerProcess.find(0, portOf(other))).filter(Objects::nonNull).toList());
        }
        out.println(server == null ? "Server process: unknown (give --pid for CPU and memory figures)"
                : "Server process: pid " + server.pid());
        ExecutorService io = Executors.newFixedThreadPool(options.integer("io-threads", 2, 1, 64), daemonThreads());
        HttpClient http = HttpClient.newBuilder().executor(io).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            Path folder = Path.of(options.text("out", "target/bench"));
            List<ParleyApi> nodes = urls.stream().map(node -> new ParleyApi(node, http)).toList();
            LoadContext context = new LoadContext(options, nodes.get(0), nodes, http, server, out, folder);
            RunReport report = switch (options.scenario) {
                case "fanout" -> FanoutScenario.run(context, false);
                case "history" -> FanoutScenario.run(context, true);
                case "pairs" -> PairsScenario.run(context);
                case "idle" -> IdleScenario.run(context);
                default -> throw new IllegalArgumentException("unknown scenario " + options.scenario);
            };
            report.write(folder);
            printSummary(report, out);
            return report;
        } finally {
            io.shutdown();
        }
    }

    private static int portOf(URI url) {
        return url.getPort() > 0 ? url.getPort() : 80;
    }

    static boolean clean(RunReport report) {
        DeliveryCheck.Verdict verdict = report.verdict();
        return verdict.lost() == 0 && verdict.duplicated() == 0 && verdict.outOfOrder() == 0 && report.errors() == 0;
    }

    private static void printSummary(RunReport report, PrintStream out) {
        out.println();
        out.println("== " + report.scenario + " ==");
        for (Map.Entry<String, Object> section : report.sections().entrySet()) {
            if (!section.getKey().equals("run") && !(section.getKey().equals("ramp"))) {
                out.println(section.getKey() + ": " + section.getValue());
            }
        }
        DeliveryCheck.Verdict verdict = report.verdict();
        out.printf(Locale.ROOT, "delivery check: lost %d, duplicated %d, out of order %d, delivered but not acked %d, "
                + "errors %d -> %s%n", verdict.lost(), verdict.duplicated(), verdict.outOfOrder(),
                verdict.deliveredNotAcked(), report.errors(), clean(report) ? "OK" : "PROBLEMS");
        out.println("report: " + report.jsonFile().toAbsolutePath() + " and " + report.htmlFile().getFileName());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "load-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
