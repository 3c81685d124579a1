package dev.parley.bench;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} options of the bench programs, with defaults for what is not given. */
final class BenchArgs {

    private final Map<String, String> values = new HashMap<>();

    private BenchArgs() {
    }

    static BenchArgs parse(String[] args, String usage) {
        BenchArgs parsed = new BenchArgs();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs; usage: " + usage);
            }
            parsed.values.put(args[i].substring(2), args[++i]);
        }
        return parsed;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int number(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was " + value, e);
        }
    }
}
