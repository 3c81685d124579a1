package dev.parley.bench;

import dev.parley.testing.Browser;
import dev.parley.testing.ParleyHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How long a newcomer waits: the README's run command ({@code mvn -Prun package}, Maven's cache warm) from its
 * start to Payara Micro's "ready" line, and to the first chat page in Chromium that lists people. Each run gets a
 * fresh SQLite file (through {@code PARLEY_DB_URL}); someone else registers over the API once Parley answers, and
 * the measured person signs in on the page, as a second user arriving would. Prints every run and the median.
 *
 * <pre>java ... dev.parley.bench.StartupBenchmark --runs 5 [--command "mvn -o -Prun package"]</pre>
 */
public final class StartupBenchmark {

    static final String USAGE = "StartupBenchmark --runs 5 --command \"mvn -Prun package\"";

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final URI BASE = URI.create("http://127.0.0.1:8080/");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args, USAGE);
        int runs = options.number("runs", 5);
        List<String> command = Arrays.asList(options.text("command", "mvn -Prun package").split(" "));
        List<long[]> results = new ArrayList<>();
        try (Browser browser = Browser.open()) {
            for (int run = 1; run <= runs; run++) {
                long[] millis = runOnce(command, browser, run);
                results.add(millis);
                System.out.printf("run %d: ready %.1f s, chat page with people %.1f s%n", run, millis[0] / 1000.0,
                        millis[1] / 1000.0);
            }
        }
        System.out.printf("median of %d: ready %.1f s, chat page with people %.1f s (command: %s)%n", runs,
                median(results, 0) / 1000.0, median(results, 1) / 1000.0, String.join(" ", command));
    }

    /** One start: {ms to "ready", ms to a chat page that lists people}. */
    private static long[] runOnce(List<String> command, Browser browser, int run) throws Exception {
        Path data = Files.createTempDirectory("parley-startup-");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PARLEY_DB_URL", "jdbc:sqlite:" + data.resolve("parley.db"));
        long start = System.nanoTime();
        Process maven = builder.start();
        try {
            CompletableFuture<Long> ready = readyLine(maven, start);
            long readyMillis = ready.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            String other = "other-" + run + "-" + Long.toString(System.nanoTime(), 36);
            String me = "me-" + run + "-" + Long.toString(System.nanoTime(), 36);
            ParleyHttp.newUser(BASE, other);
            ParleyHttp.newUser(BASE, me);
            browser.deleteAllCookies();
            browser.visit(BASE.resolve("signin.xhtml"));
            browser.type("[id='signin:username']", me)
                    .type("[id='signin:password']", ParleyHttp.passwordFor(me))
                    .click("[id='signin:submit']");
            browser.waitForPresent("#user-list button.user[data-username='" + other + "']", PATIENCE);
            long pageMillis = (System.nanoTime() - start) / 1_000_000;
            return new long[] {readyMillis, pageMillis};
        } finally {
            stop(maven);
        }
    }

    /** Completes with the milliseconds since {@code start} at which Payara Micro printed its "ready" line. */
    private static CompletableFuture<Long> readyLine(Process process, long start) {
        CompletableFuture<Long> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (!ready.isDone() && line.contains("Payara Micro") && line.contains("ready in")) {
                        ready.complete((System.nanoTime() - start) / 1_000_000);
                    }
                }
                ready.completeExceptionally(new IllegalStateException("the command ended before Parley was ready"));
            } catch (IOException e) {
                ready.completeExceptionally(new UncheckedIOException(e));
            }
        }, "startup-output");
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    /** Stops Maven and the Payara Micro it started (a child process that would outlive Maven otherwise). */
    private static void stop(Process maven) throws InterruptedException {
        List<ProcessHandle> children = maven.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
        maven.destroy();
        if (!maven.waitFor(30, TimeUnit.SECONDS)) {
            maven.destroyForcibly();
        }
    }

    private static long median(List<long[]> results, int index) {
        long[] values = results.stream().mapToLong(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }
}
