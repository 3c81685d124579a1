package dev.parley.load;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Opens many {@link LoadClient}s with at most {@code parallel} handshakes in flight, each waiting for ready. */
final class Connections {

    /** A connection to open: whose, and which rooms' messages it must receive. */
    /** A connection to open; {@code node} where it opens, null for the run's first node. */
    record Wanted(LoadUsers.User user, Map<String, DeliveryCheck.Log> rooms, ParleyApi node) {

        Wanted(LoadUsers.User user, Map<String, DeliveryCheck.Log> rooms) {
            this(user, rooms, null);
        }
    }

    /** The connections that opened, in the order wanted (null where one failed), and the failures' reasons. */
    record Opened(List<LoadClient> clients, List<String> failures) {
        List<LoadClient> open() {
            return clients.stream().filter(Objects::nonNull).toList();
        }
    }

    private Connections() {
    }

    static Opened open(HttpClient http, ParleyApi api, Measurements measurements, List<Wanted> wanted, int parallel,
            int timeoutSeconds) {
        Semaphore inFlight = new Semaphore(parallel);
        List<CompletableFuture<LoadClient>> pending = new ArrayList<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            for (Wanted connection : wanted) {
                if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    failures.add("timed out before opening");
                    pending.add(CompletableFuture.completedFuture(null));
                    continue;
                }
                pending.add(LoadClient.open(http, connection.node() != null ? connection.node() : api,
                        connection.user(), measurements, connection.rooms())
                        .orTimeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        .handle((client, failure) -> {
                            inFlight.release();
                            if (failure != null) {
                                failures.add(String.valueOf(rootCause(failure).getMessage()));
                                return null;
                            }
                            return client;
                        }));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<LoadClient> clients = new ArrayList<>();
        pending.forEach(future -> clients.add(future.join()));
        return new Opened(clients, List.copyOf(failures));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
