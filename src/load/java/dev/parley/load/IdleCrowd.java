package dev.parley.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections beside a message scenario that only ping, every 25 s like an open page ({@code --idle-sockets N}):
 * what a long run on a node with many people signed in and few talking looks like. Users {@code <prefix>idle0001..},
 * 20 connections each (Parley's limit per user).
 */
final class IdleCrowd implements AutoCloseable {

    private static final int PER_USER = 20;
    private static final double PING_INTERVAL_SECONDS = 25;

    private final List<LoadClient> clients;
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "idle-crowd-pings");
        thread.setDaemon(true);
        return thread;
    });

    private IdleCrowd(List<LoadClient> clients) {
        this.clients = clients;
    }

    static IdleCrowd open(LoadContext context, Measurements measurements, int sockets) {
        int userCount = (sockets + PER_USER - 1) / PER_USER;
        List<LoadUsers.User> users = LoadUsers.signIn(context.api(),
                context.args().text("user-prefix", "lt-u") + "idle", userCount, 2, null);
        List<Connections.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            wanted.add(new Connections.Wanted(users.get(i % userCount), Map.of()));
        }
        context.out().printf("Opening %d idle connections as %d users%n", sockets, userCount);
        Connections.Opened opened = Connections.open(context.http(), context.api(), measurements, wanted, 50, 600);
        opened.failures().forEach(failure -> measurements.error("connect_failed"));
        IdleCrowd crowd = new IdleCrowd(opened.open());
        AtomicLong next = new AtomicLong();
        long everyNanos = (long) (TimeUnit.SECONDS.toNanos(1) * PING_INTERVAL_SECONDS / Math.max(1, sockets));
        crowd.pings.scheduleAtFixedRate(() -> {
            if (!crowd.clients.isEmpty()) {
                crowd.clients.get((int) (next.getAndIncrement() % crowd.clients.size())).send(ClientFrames.PING);
            }
        }, everyNanos, Math.max(1, everyNanos), TimeUnit.NANOSECONDS);
        return crowd;
    }

    int size() {
        return clients.size();
    }

    @Override
    public void close() {
        pings.shutdownNow();
        clients.forEach(LoadClient::close);
    }
}
