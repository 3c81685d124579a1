package dev.parley.bench;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import dev.parley.testing.ParleyProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * How Parley's message path holds up under fan-out: one team room, every member connected with
 * {@code parley.batch}, a few members posting at a fixed rate. Prints, per rate: deliveries per second, the
 * latency from a sender's {@code send} to each member receiving the message (median, p99, max), how many
 * WebSocket frames each delivery cost (batching at work), and the server's CPU time per delivery, read from
 * /proc. Bounded: a fixed number of messages per rate step and a time limit per step.
 *
 * <pre>java ... dev.parley.bench.FanoutBenchmark --members 50 --senders 5 --rates 50,200,400 --seconds 10</pre>
 */
public final class FanoutBenchmark {

    private static final Duration DRAIN = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args,
                "FanoutBenchmark --members 50 --senders 5 --rates 50,200,400 --seconds 10");
        int members = options.number("members", 50);
        int senders = options.number("senders", 5);
        int seconds = options.number("seconds", 10);
        List<Integer> rates = java.util.Arrays.stream(options.text("rates", "50,200,400").split(","))
                .map(String::strip).map(Integer::parseInt).toList();

        Path database = ParleyDeployment.freshSqliteFile("fanout-bench");
        Map<String, String> settings = Map.of("PARLEY_DB_URL", "jdbc:sqlite:" + database,
                "PARLEY_SEND_RATE_PER_SECOND", "100000", "PARLEY_SEND_BURST", "100000");
        try (ParleyProcess parley = ParleyProcess.start("fanout-bench", settings)) {
            List<ParleyHttp> team = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                team.add(ParleyHttp.newUser(parley.base(), "member" + i));
            }
            String room = team.get(0).createRoom("Everyone",
                    team.stream().skip(1).map(ParleyHttp::username).toList()).expect(201).json().getString("id");
            List<Receiver> receivers = new ArrayList<>();
            for (ParleyHttp member : team) {
                receivers.add(Receiver.connect(parley.base(), member));
            }
            List<ChatSocket> senderSockets = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                ChatSocket socket = ChatSocket.open(team.get(i));
                socket.await("ready");
                senderSockets.add(socket);
            }
            System.out.printf(Locale.ROOT, "Fan-out: %d members all connected with parley.batch, %d senders, "
                    + "%d s per rate, %d cores, Java %s%n", members, senders, seconds,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            long idleBefore = cpuTicks(parley.pid());
            Thread.sleep(5_000);
            System.out.printf(Locale.ROOT, "Idle for 5 s with %d connections open: server CPU %.0f%% of a core%n",
                    receivers.size() + senderSockets.size(), (cpuTicks(parley.pid()) - idleBefore) / 5.0);
            System.out.println("msgs/s  deliveries/s  p50 ms  p99 ms  max ms  frames/delivery  server CPU us/delivery");
            for (int rate : rates) {
                step(parley, room, senderSockets, receivers, rate, seconds);
            }
            receivers.forEach(Receiver::close);
            senderSockets.forEach(ChatSocket::close);
        }
    }

    private static void step(ParleyProcess parley, String room, List<ChatSocket> senders, List<Receiver> receivers,
            int rate, int seconds) throws Exception {
        receivers.forEach(Receiver::reset);
        long cpuBefore = cpuTicks(parley.pid());
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            senders.get(i % senders.size()).sendMessage(room, ChatSocket.clientId(), "t=" + System.nanoTime());
        }
        long expected = (long) total * receivers.size();
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (received(receivers) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpuAfter = cpuTicks(parley.pid());
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long frames = 0;
        for (Receiver receiver : receivers) {
            synchronized (receiver) {
                latency.add(receiver.latency);
                frames += receiver.frames.get();
            }
        }
        long delivered = received(receivers);
        double cpuMicros = (cpuAfter - cpuBefore) * (1_000_000.0 / 100) / Math.max(1, delivered);
        System.out.printf(Locale.ROOT, "%6d  %12.0f  %6.1f  %6.1f  %6.1f  %15.3f  %21.1f%s%n", rate,
                delivered / elapsed, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
                frames / (double) Math.max(1, delivered), cpuMicros,
                delivered < expected ? "  (" + (expected - delivered) + " not delivered within the drain time)" : "");
    }

    private static long received(List<Receiver> receivers) {
        return receivers.stream().mapToLong(receiver -> receiver.deliveries.get()).sum();
    }

    /** User plus system CPU time of a process, in clock ticks (100 per second on Linux). */
    private static long cpuTicks(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat")).split("\\) ")[1].split(" ");
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    /** A member's connection that only measures: when each message arrives, and in how many frames. */
    private static final class Receiver implements WebSocket.Listener {
        final AtomicLong deliveries = new AtomicLong();
        final AtomicLong frames = new AtomicLong();
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Receiver connect(URI base, ParleyHttp member) {
            Receiver receiver = new Receiver();
            URI ws = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("ws");
            receiver.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Cookie", member.sessionCookie()).subprotocols(ChatSocket.BATCH_SUBPROTOCOL)
                    .buildAsync(ws, receiver).join();
            return receiver;
        }

        synchronized void reset() {
            deliveries.set(0);
            frames.set(0);
            latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                frames.incrementAndGet();
                try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                    JsonValue value = reader.readValue();
                    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                        value.asJsonArray().forEach(frame -> record(frame.asJsonObject(), now));
                    } else {
                        record(value.asJsonObject(), now);
                    }
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private synchronized void record(JsonObject frame, long now) {
            if ("message".equals(frame.getString("type")) && frame.getString("body").startsWith("t=")) {
                long sent = Long.parseLong(frame.getString("body").substring(2));
                latency.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(now - sent)));
                deliveries.incrementAndGet();
            }
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    private FanoutBenchmark() {
    }
}
