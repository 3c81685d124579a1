package dev.parley.bench;

import dev.parley.bench.SeededRooms.RoomRange;
import dev.parley.testing.Json;
import dev.parley.testing.ParleyHttp;
import dev.parley.testing.ParleyHttp.Reply;
import dev.parley.testing.ParleyProcess;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Times history pages and searches against Parley running on a database filled by {@link SeedMessages}, over
 * HTTP, one request at a time, as one person scrolling and searching would. Prints the latency distribution
 * per kind of request; it asserts nothing (the targets and results are in docs/performance.md).
 *
 * <p>Two readers: {@code bench} belongs to every room, so its searches cover all million messages (the worst
 * case); {@code bench-30rooms} belongs to 30 rooms picked by their size, closer to a real person. Each round
 * sends every kind of request once, in a shuffled order, so that caches see a mix; rounds stop at
 * {@code --requests} or at the {@code --minutes} limit, whichever comes first. Parley is stopped at the end.
 *
 * <pre>java ... dev.parley.bench.HistoryAndSearchBenchmark --db sqlite|postgres --requests 2000 --warmup 300</pre>
 */
public final class HistoryAndSearchBenchmark {

    static final String USAGE = "HistoryAndSearchBenchmark --db sqlite|postgres --requests 2000 --warmup 300 "
            + "--minutes 10";

    private static final int PAGE = 50;
    private static final int SOME_ROOMS = 30;
    private static final long SEED = 42;

    private final BenchDatabase database;
    private final int rounds;
    private final int warmupRounds;
    private final Instant deadline;
    private final Random random = new Random(SEED);

    private HistoryAndSearchBenchmark(BenchDatabase database, int rounds, int warmupRounds, Duration limit) {
        this.database = database;
        this.rounds = rounds;
        this.warmupRounds = warmupRounds;
        this.deadline = Instant.now().plus(limit);
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args, USAGE);
        new HistoryAndSearchBenchmark(BenchDatabase.named(options.text("db", "sqlite")),
                options.number("requests", 2_000), options.number("warmup", 300),
                Duration.ofMinutes(options.number("minutes", 10))).run();
    }

    private void run() throws Exception {
        SeededRooms rooms = SeededRooms.read(database);
        System.out.printf(Locale.ROOT, "Benchmark on %s: %,d messages in %,d rooms, %s on disk%n", database,
                rooms.messages(), rooms.all().size(), SeedMessages.megabytes(database.sizeOnDisk()));
        System.out.println(machine());
        Instant starting = Instant.now();
        try (ParleyProcess parley = start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(parley::close));
            System.out.printf(Locale.ROOT, "Parley started at %s in %.1f s%n", parley.base(),
                    Duration.between(starting, Instant.now()).toMillis() / 1000.0);
            List<RoomRange> someRooms = rooms.sampleBySize(SOME_ROOMS, new Random(SEED));
            ParleyHttp everywhere = reader(parley.base(), "bench", rooms.all());
            ParleyHttp somewhere = reader(parley.base(), "bench-30rooms", someRooms);
            System.out.printf(Locale.ROOT, "Readers: bench in all %,d rooms (%,d messages); bench-30rooms in %d "
                    + "rooms (%,d messages)%n", rooms.all().size(), rooms.messages(), someRooms.size(),
                    someRooms.stream().mapToLong(RoomRange::messages).sum());
            List<Operation> operations = operations(rooms, everywhere, somewhere);
            System.out.printf(Locale.ROOT, "Load average before: %s%n", loadAverage());
            int warmedUp = rounds(operations, warmupRounds);
            operations.forEach(Operation::reset);
            Instant measuring = Instant.now();
            int measured = rounds(operations, rounds);
            System.out.printf(Locale.ROOT, "%nWarm-up %d rounds, then %d measured rounds in %.0f s%s; load average "
                    + "after: %s%n", warmedUp, measured, Duration.between(measuring, Instant.now()).toMillis() / 1000.0,
                    measured < rounds ? " (stopped by the time limit)" : "", loadAverage());
            print(operations);
        }
    }

    /** Starts Parley on the database; a second try when the first boot is too slow, as on a busy shared machine. */
    private ParleyProcess start() {
        String name = "bench-" + database.kind().name().toLowerCase(Locale.ROOT);
        try {
            return ParleyProcess.start(name, database.parleyEnvironment());
        } catch (IllegalStateException slow) {
            System.out.println(slow.getMessage() + "; starting once more");
            return ParleyProcess.start(name, database.parleyEnvironment());
        }
    }

    /** Registers the reader through the API (or finds it from an earlier run), puts it in the rooms, signs in. */
    private ParleyHttp reader(URI base, String username, List<RoomRange> rooms) throws SQLException {
        ParleyHttp browser = new ParleyHttp(base);
        Reply registered = browser.register(username, ParleyHttp.passwordFor(username), "Benchmark reader");
        if (registered.status() != 201 && registered.status() != 409) {
            throw new IllegalStateException("registering " + username + ": " + registered);
        }
        try (Connection connection = database.connect();
                PreparedStatement join = connection.prepareStatement("INSERT INTO memberships (room_id, username, "
                        + "joined_at, last_read_id) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")) {
            connection.setAutoCommit(false);
            for (RoomRange room : rooms) {
                join.setString(1, room.id());
                join.setString(2, username);
                join.setLong(3, System.currentTimeMillis());
                join.addBatch();
            }
            join.executeBatch();
            connection.commit();
        }
        Reply signedIn = browser.signIn(username, ParleyHttp.passwordFor(username));
        if (signedIn.status() != 200) {
            throw new IllegalStateException("signing in " + username + ": " + signedIn);
        }
        return browser;
    }

    private List<Operation> operations(SeededRooms rooms, ParleyHttp everywhere, ParleyHttp somewhere) {
        List<Operation> operations = new ArrayList<>();
        // The floor: what any signed-in API call costs (HTTP, security, JAX-RS, one primary-key read).
        operations.add(new Operation("baseline: GET /api/me", everywhere, () -> "api/me"));
        operations.add(new Operation("history page, random `before`", everywhere, () -> {
            RoomRange room = rooms.bySize(random);
            long before = room.firstId() + 1 + (long) (random.nextDouble() * (room.lastId() - room.firstId() + 1));
            return historyPath(room.id(), before);
        }));
        operations.add(new Operation("history page, newest", everywhere,
                () -> historyPath(rooms.any(random).id(), null)));
        Operation probe = search("search probe", everywhere, () -> "meeting");
        if (probe.call() == 404) {
            System.out.println("GET /api/search answers 404: this build has no search yet, so only history is timed");
            return operations;
        }
        for (ParleyHttp reader : List.of(everywhere, somewhere)) {
            String who = reader == everywhere ? "all rooms" : SOME_ROOMS + " rooms";
            operations.add(search("search common word, " + who, reader, () -> pick(ChatText.commonSearchWords())));
            operations.add(search("search rare word, " + who, reader, () -> pick(ChatText.RARE_WORDS)));
            operations.add(search("search two words, " + who, reader, () -> {
                List<String> words = ChatText.middlingWords();
                String first = pick(words);
                String second = pick(words);
                while (second.equals(first)) {
                    second = pick(words);
                }
                return first + " " + second;
            }));
        }
        return operations;
    }

    private static String historyPath(String roomId, Long before) {
        return "api/rooms/" + roomId + "/messages?" + (before == null ? "" : "before=" + before + "&") + "limit=" + PAGE;
    }

    private static Operation search(String name, ParleyHttp reader, Supplier<String> words) {
        return new Operation(name, reader,
                () -> "api/search?q=" + URLEncoder.encode(words.get(), StandardCharsets.UTF_8) + "&limit=" + PAGE);
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    /** Runs up to {@code count} rounds of every operation in a shuffled order; returns the rounds completed. */
    private int rounds(List<Operation> operations, int count) {
        List<Operation> order = new ArrayList<>(operations);
        for (int round = 0; round < count; round++) {
            if (Instant.now().isAfter(deadline)) {
                return round;
            }
            Collections.shuffle(order, random);
            order.forEach(Operation::call);
        }
        return count;
    }

    private static void print(List<Operation> operations) {
        System.out.printf(Locale.ROOT, "%n%-38s %6s %8s %8s %8s %8s %8s %6s%n", "operation (limit 50, times in ms)",
                "count", "median", "p90", "p99", "max", "results", "errors");
        for (Operation operation : operations) {
            Histogram micros = operation.micros;
            System.out.printf(Locale.ROOT, "%-38s %6d %8.2f %8.2f %8.2f %8.2f %8s %6d%n", operation.name,
                    micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                    ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()), operation.averageResults(),
                    operation.errors);
        }
        System.out.println();
        System.out.println("| operation | count | median | p90 | p99 | max | results per reply |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Operation operation : operations) {
            Histogram micros = operation.micros;
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %s |%n", operation.name,
                    micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                    ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()), operation.averageResults());
        }
        operations.stream().filter(operation -> operation.firstError != null).forEach(operation ->
                System.out.println("First error of " + operation.name + ": " + operation.firstError));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException unreadable) {
            // Not Linux: the core count and JVM still say enough.
        }
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException unreadable) {
            return "unknown";
        }
    }

    /** One kind of request: how to make the next one, and what the replies took. */
    private static final class Operation {
        final String name;
        final ParleyHttp reader;
        final Supplier<String> nextPath;
        final Histogram micros = new Histogram(3);
        long results;
        long pages;
        long errors;
        String firstError;

        Operation(String name, ParleyHttp reader, Supplier<String> nextPath) {
            this.name = name;
            this.reader = reader;
            this.nextPath = nextPath;
        }

        int call() {
            String path = nextPath.get();
            long started = System.nanoTime();
            Reply reply = reader.get(path);
            micros.recordValue((System.nanoTime() - started) / 1_000);
            if (reply.status() != 200) {
                errors++;
                if (firstError == null) {
                    firstError = path + " -> " + reply;
                }
            } else if (Json.parse(reply.body()) instanceof JsonArray page) {
                pages++;
                results += page.size();
            }
            return reply.status();
        }

        /** Messages per reply, or blank for a call that answers no list. */
        String averageResults() {
            return pages == 0 ? "" : String.format(Locale.ROOT, "%.1f", (double) results / pages);
        }

        void reset() {
            micros.reset();
            results = 0;
            pages = 0;
            errors = 0;
            firstError = null;
        }
    }
}
