package dev.parley.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Members scrolling back through a room's history while messages flow: each reader asks for a page, then the
 * page before its oldest message ({@code ?before=}), and starts again at the newest page when it reaches the
 * room's beginning. The pacer fires requests at a fixed rate, round robin over the readers; a reader's requests
 * follow one another, and each is timed from its intended time. Non-200 answers count as errors
 * {@code history_<status>}.
 */
final class HistoryReaders implements Pacer.Action {

    private final ParleyApi api;
    private final Measurements measurements;
    private final String room;
    private final int pageSize;
    private final List<Reader> readers = new ArrayList<>();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong pagesRead = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();

    private static final class Reader {
        final String cookie;
        Long before;
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);

        Reader(String cookie) {
            this.cookie = cookie;
        }
    }

    HistoryReaders(ParleyApi api, Measurements measurements, String room, List<LoadUsers.User> users, int pageSize) {
        this.api = api;
        this.measurements = measurements;
        this.room = room;
        this.pageSize = pageSize;
        users.forEach(user -> readers.add(new Reader(user.cookie())));
    }

    int size() {
        return readers.size();
    }

    long outstanding() {
        return outstanding.get();
    }

    long pagesRead() {
        return pagesRead.get();
    }

    /** How often a reader reached the room's first message and started over at the newest. */
    long restarts() {
        return restarts.get();
    }

    @Override
    public void fire(long index, long intendedNanos) {
        Reader reader = readers.get((int) (index % readers.size()));
        outstanding.incrementAndGet();
        reader.last = reader.last
                .thenCompose(ignored -> api.history(reader.cookie, room, reader.before, pageSize))
                .handle((response, failure) -> {
                    measurements.historyLatency.recordNanos(System.nanoTime() - intendedNanos);
                    measurements.historyRequests.increment();
                    outstanding.decrementAndGet();
                    if (failure != null) {
                        measurements.error("history_failed");
                    } else if (response.statusCode() != 200) {
                        measurements.error("history_" + response.statusCode());
                    } else {
                        turnPage(reader, response.body());
                    }
                    return null;
                });
    }

    private void turnPage(Reader reader, String body) {
        long[] oldest = {Long.MAX_VALUE};
        int[] count = {0};
        try {
            FrameScanner.scan(body, new ScannedFrame(), message -> {
                count[0]++;
                oldest[0] = Math.min(oldest[0], message.id);
            });
        } catch (IllegalArgumentException unreadable) {
            measurements.error("history_unreadable");
            return;
        }
        pagesRead.incrementAndGet();
        if (count[0] < pageSize) {
            reader.before = null;
            restarts.incrementAndGet();
        } else {
            reader.before = oldest[0];
        }
    }
}
