package dev.parley.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Sign-ins beside a message scenario ({@code --signin-rate R}): R attempts a second, with the right passwords, of
 * users {@code lt-si0001..} in turn, as after an outage when everyone's page signs in again. Each costs the server
 * a password hash unless it turns the attempt away. Counts the answers by status and times the accepted ones.
 */
final class SignInFlood implements AutoCloseable {

    private final HttpClient http;
    private final ParleyApi api;
    private final List<String> usernames;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "signin-flood");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final Recorder accepted = new Recorder(3);

    private SignInFlood(HttpClient http, ParleyApi api, List<String> usernames) {
        this.http = http;
        this.api = api;
        this.usernames = usernames;
    }

    /** Registers the flood's users if needed (that takes a while: a hash each), then starts at {@code rate}/s. */
    static SignInFlood start(LoadContext context, double rate) {
        int count = context.args().integer("signin-users", 100, 1, 100_000);
        List<String> usernames = LoadUsers.signIn(context.api(), context.args().text("user-prefix", "lt-u") + "si",
                count, 2, null).stream().map(LoadUsers.User::username).toList();
        SignInFlood flood = new SignInFlood(context.http(), context.api(), usernames);
        long everyNanos = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        flood.ticks.scheduleAtFixedRate(flood::attempt, 0, everyNanos, TimeUnit.NANOSECONDS);
        context.out().printf("Signing in %.0f times a second (right passwords, %d users in turn)%n", rate, count);
        return flood;
    }

    private void attempt() {
        String username = usernames.get((int) (sent.getAndIncrement() % usernames.size()));
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + LoadUsers.PASSWORD + "\"}";
        long start = System.nanoTime();
        http.sendAsync(HttpRequest.newBuilder(api.base().resolve("api/session")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    if (failure != null) {
                        failed.incrementAndGet();
                        return;
                    }
                    answers.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
                    if (response.statusCode() == 200) {
                        accepted.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000_000));
                    }
                });
    }

    /** What the flood saw: attempts, answers by status, failures, and how long accepted sign-ins took. */
    Map<String, Object> figures() {
        var histogram = accepted.getIntervalHistogram();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("attempts", sent.get());
        Map<String, Long> byStatus = new LinkedHashMap<>();
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byStatus.put(String.valueOf(entry.getKey()), entry.getValue().get()));
        figures.put("answers", byStatus);
        figures.put("noAnswer", failed.get());
        if (histogram.getTotalCount() > 0) {
            figures.put("acceptedMillisP50", histogram.getValueAtPercentile(50));
            figures.put("acceptedMillisP99", histogram.getValueAtPercentile(99));
        }
        return figures;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
