package dev.parley.realtime;

import dev.parley.platform.ParleyException;
import dev.parley.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies {@code read} frames, at most once a second per user and room: each is a write transaction (on SQLite,
 * under its one write lock). Frames that come faster are merged, the highest {@code upTo} winning, and applied
 * at the end of that second; the first after a quiet second is applied at once.
 */
@ApplicationScoped
class ReadMarkers {

    static final long AT_MOST_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int TIDY_ABOVE = 10_000;
    private static final Logger LOG = Logger.getLogger(ReadMarkers.class.getName());

    @Inject
    RoomService rooms;

    @Inject
    RealtimeThreads threads;

    /** The highest {@code upTo} not applied yet, with the connection to answer if it is refused. */
    private record Pending(Connection connection, String room, long upTo) {
    }

    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> appliedAt = new ConcurrentHashMap<>();

    void mark(Connection connection, String room, long upTo) {
        String key = connection.user + '\n' + room;
        boolean[] first = {false};
        pending.compute(key, (k, waiting) -> {
            if (waiting == null) {
                first[0] = true;
                return new Pending(connection, room, upTo);
            }
            return upTo > waiting.upTo() ? new Pending(connection, room, upTo) : waiting;
        });
        if (!first[0]) {
            return; // merged into the one already scheduled
        }
        long now = System.nanoTime();
        long wait = Math.max(0, appliedAt.getOrDefault(key, now - AT_MOST_EVERY_NANOS) + AT_MOST_EVERY_NANOS - now);
        try {
            threads.flushing().schedule(() -> threads.databaseWork().execute(() -> apply(key)), wait,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            pending.remove(key);
        }
    }

    private void apply(String key) {
        long now = System.nanoTime();
        appliedAt.put(key, now);
        Pending marker = pending.remove(key);
        if (marker == null) {
            return;
        }
        if (appliedAt.size() > TIDY_ABOVE) {
            appliedAt.values().removeIf(at -> now - at >= AT_MOST_EVERY_NANOS);
        }
        try {
            rooms.markRead(marker.connection().user, marker.room(), marker.upTo());
        } catch (ParleyException refused) {
            marker.connection().send(new ServerFrame.Error(refused.code(), refused.getMessage(), null, marker.room()));
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Could not move a read marker", failed);
        }
    }
}
