package dev.parley.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load tool's users: deterministic names ({@code lt-u0001}, ...) with one fixed password, reused across runs
 * because every registration and sign-in costs the server a PBKDF2 hash. A user is signed in once per run, or
 * not at all when its session from an earlier run (kept in a small file next to the reports) still works;
 * otherwise signed in, and registered first only when the server does not know it. At most {@code parallel}
 * of these calls run at once.
 */
final class LoadUsers {

    static final String PASSWORD = "load-tool-password";

    /** A signed-in user: the Cookie header value its HTTP calls and handshakes carry. */
    record User(String username, String cookie) {
    }

    private LoadUsers() {
    }

    static String name(String prefix, int number) {
        return String.format(Locale.ROOT, "%s%04d", prefix, number);
    }

    /** Users {@code prefix0001} to {@code prefix<count>}, each signed in. */
    static List<User> signIn(ParleyApi api, String prefix, int count, int parallel, Path sessionFile) {
        Properties sessions = load(sessionFile, api);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, parallel));
        try {
            List<Future<User>> pending = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String username = name(prefix, i);
                pending.add(workers.submit(() -> signIn(api, username, sessions.getProperty(username))));
            }
            List<User> users = new ArrayList<>();
            for (Future<User> user : pending) {
                users.add(user.get());
            }
            users.forEach(user -> sessions.setProperty(user.username(), user.cookie()));
            save(sessionFile, api, sessions);
            return users;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing users in", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("signing users in failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static User signIn(ParleyApi api, String username, String knownCookie) {
        if (knownCookie != null && api.me(knownCookie).status() == 200) {
            return new User(username, knownCookie);
        }
        ParleyApi.Reply signedIn = signInWaiting(api, username);
        if (signedIn.status() == 401) {
            ParleyApi.Reply registered = api.register(username, PASSWORD);
            if (registered.status() == 429) {
                throw new IllegalStateException("registering " + username + ": 429 " + registered.body()
                        + " (Parley allows 100 new accounts per client address, then 100 an hour: start it with "
                        + "PARLEY_REGISTRATION_PER_ADDRESS_BURST=100000 for load tests)");
            }
            if (registered.status() != 201 && registered.status() != 409) {
                throw new IllegalStateException("registering " + username + ": " + registered.status() + " "
                        + registered.body());
            }
            signedIn = signInWaiting(api, username);
        }
        if (signedIn.status() != 200 || signedIn.sessionCookie() == null) {
            throw new IllegalStateException("signing in " + username + ": " + signedIn.status() + " "
                    + signedIn.body() + (signedIn.status() == 401
                    ? " (the user exists with another password: use another --user-prefix)" : ""));
        }
        return new User(username, signedIn.sessionCookie());
    }

    /** Signs in, waiting as told when Parley answers 429 (too many sign-ins hashing at once). */
    private static ParleyApi.Reply signInWaiting(ParleyApi api, String username) {
        for (int attempt = 1; ; attempt++) {
            ParleyApi.Reply reply = api.signIn(username, PASSWORD);
            if (reply.status() != 429 || attempt == 30) {
                return reply;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
    }

    private static Properties load(Path file, ParleyApi api) {
        Properties sessions = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (var reader = Files.newBufferedReader(file)) {
                sessions.load(reader);
            } catch (IOException e) {
                return new Properties();
            }
        }
        String key = "server";
        if (!api.base().toString().equals(sessions.getProperty(key))) {
            sessions.clear();
        }
        return sessions;
    }

    private static void save(Path file, ParleyApi api, Properties sessions) {
        if (file == null) {
            return;
        }
        sessions.setProperty("server", api.base().toString());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var writer = Files.newBufferedWriter(file)) {
                sessions.store(writer, "Parley load tool: session cookies of its users, reused while they work");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
