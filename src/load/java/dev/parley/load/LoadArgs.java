package dev.parley.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line: a scenario name, then {@code --name value} options and the flag {@code --ramp}. Every
 * number is checked against a bound, so no run can be asked to go on forever or open unbounded resources.
 */
final class LoadArgs {

    static final String USAGE = """
            usage: LoadTool <fanout|pairs|idle|history> [options]
              common:  --url http://127.0.0.1:8080 (fanout: several nodes comma-separated, members alternate)
                       --pid <server pid, else found by port>  --seconds 10
                       --body-size 100  --drain 10  --send-limit 10 (the server's PARLEY_SEND_RATE_PER_SECOND)
                       --warmup 30 (seconds at a quarter of the first rate before measuring; fanout, pairs, history)
                       --user-prefix lt-u  --signin-parallel 2  --io-threads 2  --out target/bench
              fanout:  --members 50  --senders <auto>  --rate 100 (messages/s, all senders together)
                       --thread-share 0 --reaction-share 0 (shares of messages sent as thread replies / with a reaction)
                       --upload-mb 0 (a member uploads a file of this size to the room again and again meanwhile)
                       --signin-rate 0 (sign-ins/s beside it, right passwords)  --signin-users 100
              pairs:   --pairs 10  --pair-rate 1 (messages/s each side sends)
              idle:    --sockets 1000  --users <sockets/20>  --heap true
              history: fanout options, plus --readers 2  --history-rate 20 (pages/s)  --page 50
              ramp (fanout, pairs): --ramp  --target-p99 50  --step-seconds 5  --ramp-seconds 120
                       --start-rate <messages/s>  --max-rate <messages/s>
            """;

    private static final Set<String> FLAGS = Set.of("ramp");
    private static final Set<String> SCENARIOS = Set.of("fanout", "pairs", "idle", "history");

    final String scenario;
    private final Map<String, String> values = new LinkedHashMap<>();

    private LoadArgs(String scenario) {
        this.scenario = scenario;
    }

    static LoadArgs parse(String... args) {
        if (args.length == 0 || !SCENARIOS.contains(args[0])) {
            throw new IllegalArgumentException("name a scenario first\n" + USAGE);
        }
        LoadArgs parsed = new LoadArgs(args[0]);
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option at '" + args[i] + "'\n" + USAGE);
            }
            String name = args[i].substring(2);
            if (FLAGS.contains(name)) {
                parsed.values.put(name, "true");
            } else if (i + 1 < args.length) {
                parsed.values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value\n" + USAGE);
            }
        }
        return parsed;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    long number(String name, long fallback, long min, long max) {
        String value = values.get(name);
        long number;
        try {
            number = value == null ? fallback : Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was " + value, e);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", was " + number);
        }
        return number;
    }

    int integer(String name, int fallback, int min, int max) {
        return (int) number(name, fallback, min, max);
    }

    double decimal(String name, double fallback, double min, double max) {
        String value = values.get(name);
        double number;
        try {
            number = value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was " + value, e);
        }
        if (!(number >= min && number <= max)) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", was " + number);
        }
        return number;
    }

    /** The options as given, for the report. */
    Map<String, String> given() {
        return Map.copyOf(values);
    }
}
