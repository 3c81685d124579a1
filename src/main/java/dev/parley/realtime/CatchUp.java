package dev.parley.realtime;

import dev.parley.message.MessageService;
import dev.parley.platform.ParleyException;
import dev.parley.room.RoomIds;
import dev.parley.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads from the database the messages a connection has not been sent: after a {@code resume}, and when a
 * message's predecessor did not arrive in time (it overtook it, or the node that posted it died between
 * committing and publishing).
 */
@ApplicationScoped
class CatchUp {

    static final CloseReason BUSY = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Busy; resume again");
    static final CloseReason REPLAY_FAILED =
            new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "Could not replay; resume again");
    /** Long enough for a message that was merely overtaken to arrive; short enough that nobody notices. */
    static final long GAP_WAIT_MILLIS = 250;
    static final int PAGE = 500;
    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    @Inject
    MessageService messages;

    @Inject
    RealtimeThreads threads;

    @Inject
    RoomService rooms;

    void gapNoticed(Connection connection, String room) {
        try {
            threads.flushing().schedule(() -> threads.databaseWork().execute(() -> fillGap(connection, room)),
                    GAP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // The application is stopping; the client resumes on its next connection.
        }
    }

    /**
     * Reads what is missing and hands it over. Messages still waiting after that overtook a predecessor committed
     * after the read; it is on its way, so the gap is checked again later rather than skipped.
     */
    private void fillGap(Connection connection, String room) {
        try {
            OptionalLong after = connection.missingAfter(room);
            while (after.isPresent()) {
                List<Delivery> page = page(room, after.getAsLong());
                connection.fill(room, page);
                if (page.size() < PAGE) {
                    break;
                }
                after = connection.missingAfter(room);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not catch a connection up in room " + room, e);
        }
        connection.catchUpDone(room);
    }

    /**
     * Replays what the client missed (a {@code resume}), off the container's threads: queued behind a replay
     * already running for this connection, then walked page by page on the replay pool, pausing (holding no
     * thread) while the client has not read the previous pages, stopping when the connection closes.
     */
    void resume(Connection connection, Map<String, Long> lastSeen) {
        if (connection.queueResume(lastSeen)) {
            start(connection, connection.nextResume());
        }
    }

    private void start(Connection connection, Map<String, Long> lastSeen) {
        if (lastSeen != null) {
            submit(new Replay(connection, lastSeen));
        }
    }

    private void submit(Replay replay) {
        try {
            threads.replaying().execute(replay);
        } catch (RejectedExecutionException busy) {
            replay.connection.close(BUSY);
        }
    }

    /** One resume: which rooms to replay, and how far each has come. Runs on one thread at a time. */
    private final class Replay implements Runnable {

        private final Connection connection;
        private final Map<String, Long> lastSeen;
        private Iterator<Map.Entry<String, Long>> rooms;
        private String room;
        private long after;

        Replay(Connection connection, Map<String, Long> lastSeen) {
            this.connection = connection;
            this.lastSeen = lastSeen;
        }

        @Override
        public void run() {
            try {
                if (rooms == null) {
                    Map<String, Long> replayable = memberRoomsOf(connection, lastSeen);
                    connection.beginReplay(replayable);
                    rooms = replayable.entrySet().iterator();
                }
                while (!connection.isClosed()) {
                    if (!connection.readyForMoreReplay()) {
                        connection.whenReadyForMoreReplay(() -> submit(this));
                        return;
                    }
                    if (room == null) {
                        if (!rooms.hasNext()) {
                            connection.endReplay();
                            start(connection, connection.nextResume());
                            return;
                        }
                        Map.Entry<String, Long> next = rooms.next();
                        room = next.getKey();
                        after = next.getValue();
                    }
                    List<Delivery> page = page(room, after);
                    connection.replay(room, page);
                    if (page.size() < PAGE) {
                        room = null;
                    } else {
                        after = page.get(page.size() - 1).id();
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not replay for a connection of " + connection.user, e);
                connection.close(REPLAY_FAILED);
            }
        }
    }

    /** The rooms of the resume the user belongs to; for each other one the client gets an error frame. */
    private Map<String, Long> memberRoomsOf(Connection connection, Map<String, Long> lastSeen) {
        Set<String> memberOf = rooms.lastMessageIds(connection.user).keySet();
        Map<String, Long> replayable = new LinkedHashMap<>();
        lastSeen.forEach((roomId, seen) -> {
            if (memberOf.contains(roomId)) {
                replayable.put(roomId, seen);
            } else {
                try {
                    rooms.requireMember(roomId, connection.user);
                    replayable.put(roomId, seen); // joined since the line above read the user's rooms
                } catch (ParleyException refused) {
                    connection.send(new ServerFrame.Error(refused.code(), refused.getMessage(), null,
                            RoomIds.fits(roomId) ? roomId : null));
                }
            }
        });
        return replayable;
    }

    private List<Delivery> page(String room, long afterId) {
        return messages.after(room, afterId, PAGE).stream().map(Delivery::of).toList();
    }
}
