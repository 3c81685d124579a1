package dev.parley.load;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What every scenario gets: its options, the server's API and process, the shared HTTP client, the output. With
 * several nodes ({@code --url a,b}), {@code api} is the first, {@code nodes} all of them, and {@code server}
 * measures them together.
 */
record LoadContext(LoadArgs args, ParleyApi api, List<ParleyApi> nodes, HttpClient http, ServerProcess server,
        PrintStream out, Path outputFolder) {

    int seconds() {
        return args.integer("seconds", 10, 1, 3600);
    }

    int drainSeconds() {
        return args.integer("drain", 10, 1, 300);
    }

    /** The server's per-user send rate (PARLEY_SEND_RATE_PER_SECOND), as the user tells the tool. */
    double sendLimit() {
        return args.decimal("send-limit", 10, 0.1, 1_000_000);
    }

    int bodySize() {
        return args.integer("body-size", 100, 1, 4000);
    }

    List<LoadUsers.User> users(int count) {
        out.printf("Signing in %d users (%s0001...; registered on first use, sessions reused across runs)%n", count,
                args.text("user-prefix", "lt-u"));
        long start = System.nanoTime();
        List<LoadUsers.User> users = LoadUsers.signIn(api, args.text("user-prefix", "lt-u"), count,
                args.integer("signin-parallel", 2, 1, 16), outputFolder.resolve("load-sessions.properties"));
        out.printf("  done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return users;
    }

    /** Tells the user how to raise the server's limit when a user would send faster than it allows. */
    void warnIfOverLimit(double perUserRate) {
        if (perUserRate > sendLimit()) {
            long rate = (long) Math.ceil(perUserRate * 1.2);
            out.printf(Locale.ROOT, "WARNING: each sending user would post %.1f messages/s, above the server's "
                    + "per-user limit of %.1f/s (--send-limit): expect rate_limited errors. Start Parley with "
                    + "PARLEY_SEND_RATE_PER_SECOND=%d PARLEY_SEND_BURST=%d and pass --send-limit %d, or use more "
                    + "senders.%n", perUserRate, sendLimit(), rate, Math.max(30, rate * 3), rate);
        }
    }
}
