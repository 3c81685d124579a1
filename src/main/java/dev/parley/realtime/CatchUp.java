package dev.parley.realtime;

import dev.parley.message.MessageChange;
import dev.parley.message.MessageService;
import dev.parley.message.MessageView;
import dev.parley.platform.ParleyException;
import dev.parley.room.RoomIds;
import dev.parley.room.RoomService;
import dev.parley.room.RoomView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
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
    static final int FIRST_REPLAY_PAGE = 100;
    static final int MIN_REPLAY_PAGE = 20;
    /** Changed messages read at once: each is one or two small frames. */
    static final int CHANGES_PAGE = 100;
    /** All replays of the node together: about 4 MB/s, far more than reconnecting clients need. */
    static final double REPLAY_CHARS_PER_SECOND = 4_000_000;

    private final ReplayRate rate = new ReplayRate(REPLAY_CHARS_PER_SECOND, REPLAY_CHARS_PER_SECOND, System.nanoTime());
    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    @Inject
    MessageService messages;

    @Inject
    RealtimeThreads threads;

    @Inject
    RoomService rooms;

    @Inject
    Bus bus;

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
     * thread) while the client has not read the previous pages, stopping when the connection closes. First the
     * messages of every room, then the changes of the rooms whose change log the client keeps.
     */
    void resume(Connection connection, ClientFrame.Resume resume) {
        if (connection.queueResume(resume)) {
            start(connection, connection.nextResume());
        }
    }

    private void start(Connection connection, ClientFrame.Resume resume) {
        if (resume != null) {
            submit(new Replay(connection, resume));
        }
    }

    private void submit(Replay replay) {
        ThreadPoolExecutor replaying = threads.replaying();
        try {
            if (replaying.getQueue().size() >= RealtimeThreads.REPLAYS_WAITING) {
                throw new RejectedExecutionException("too many replays waiting");
            }
            replaying.execute(replay);
        } catch (RejectedExecutionException busy) {
            replay.connection.close(BUSY);
        }
    }

    /**
     * One resume: which rooms to replay, and how far each has come. Runs on one thread at a time. Replays wait
     * their turn least served first, so a client that needs a page is not kept waiting behind one that takes
     * megabytes.
     */
    private final class Replay implements Runnable, Comparable<Replay> {

        private final Connection connection;
        private final ClientFrame.Resume resume;
        private Iterator<Map.Entry<String, Long>> messageRooms;
        private Iterator<Map.Entry<String, Long>> changeRooms;
        /** The room being replayed, and the message id (or, replaying changes, the change number) it is at. */
        private String room;
        private long after;
        private boolean replayingChanges;
        /** Per room whose changes are replayed: the number up to which every change has been sent (or is live). */
        private final Map<String, Long> changesUpTo = new LinkedHashMap<>();
        /** Sized so that a page is about what the client may have unread (see {@link #replayPageSize}). */
        private int pageSize = FIRST_REPLAY_PAGE;
        private volatile long charsSoFar;

        @Override
        public int compareTo(Replay other) {
            return Long.compare(charsSoFar, other.charsSoFar);
        }

        Replay(Connection connection, ClientFrame.Resume resume) {
            this.connection = connection;
            this.resume = resume;
        }

        @Override
        public void run() {
            try {
                if (messageRooms == null) {
                    Map<String, Long> replayable = memberRoomsOf(connection, resume.rooms());
                    follow(connection, replayable.keySet());
                    connection.beginReplay(replayable);
                    messageRooms = replayable.entrySet().iterator();
                    Map<String, Long> changes = new LinkedHashMap<>(resume.changes());
                    changes.keySet().retainAll(replayable.keySet());
                    changeRooms = changes.entrySet().iterator();
                }
                while (!connection.isClosed()) {
                    if (!connection.readyForMoreReplay()) {
                        connection.whenReadyForMoreReplay(() -> submit(this));
                        return;
                    }
                    long wait = rate.waitNanos(System.nanoTime());
                    if (wait > 0) {
                        threads.flushing().schedule(() -> submit(this), wait, TimeUnit.NANOSECONDS);
                        return;
                    }
                    if (room == null && !nextRoom()) {
                        connection.endReplay(changesUpTo);
                        start(connection, connection.nextResume());
                        return;
                    }
                    long chars = replayingChanges ? changesPage() : messagesPage();
                    rate.paid(chars, System.nanoTime());
                    charsSoFar += chars;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not replay for a connection of " + connection.user, e);
                connection.close(REPLAY_FAILED);
            }
        }

        /** Moves on to the next room: its messages, or once every room's messages are sent, its changes. */
        private boolean nextRoom() {
            Map.Entry<String, Long> next;
            if (messageRooms.hasNext()) {
                next = messageRooms.next();
            } else if (changeRooms.hasNext()) {
                next = changeRooms.next();
                replayingChanges = true;
            } else {
                return false;
            }
            room = next.getKey();
            after = next.getValue();
            return true;
        }

        private long messagesPage() {
            List<Delivery> page = page(room, after, pageSize);
            connection.fill(room, page);
            long chars = chars(page);
            if (page.size() < pageSize) {
                room = null;
            } else {
                after = page.get(page.size() - 1).id();
            }
            pageSize = replayPageSize(page.size(), chars);
            return chars;
        }

        /**
         * A page of the room's changes: each message changed since, as it is now. The room's own number is read
         * first, with the room as it is then: every change up to it was committed before the pages are read, so
         * they hold it; later ones go to this connection live as well.
         */
        private long changesPage() {
            long chars = 0;
            if (!changesUpTo.containsKey(room)) {
                Optional<RoomView> now = rooms.announced(room);
                long latest = now.map(RoomView::changeSeq).orElse(after);
                changesUpTo.put(room, Math.max(after, latest));
                if (latest <= after) {
                    room = null;
                    return 0;
                }
                chars += send(new ServerFrame.Room(now.get()));
            }
            List<MessageChange> page = messages.changedAfter(room, after, CHANGES_PAGE);
            // The pages may hold changes numbered after the room's number read first; what `resumed` reports stays
            // that number, because a change to the room itself numbered between them is not in the room frame
            // sent (it comes live, maybe after `resumed`).
            for (MessageChange change : page) {
                chars += replay(change);
            }
            if (page.size() < CHANGES_PAGE) {
                room = null;
            } else {
                after = page.get(page.size() - 1).seq();
            }
            return chars;
        }

        /** A changed message as the frames that would have told of its changes: its text, then its reactions. */
        private long replay(MessageChange change) {
            MessageView message = change.message();
            long chars = change.textChanged() ? send(new ServerFrame.Changed(message, change.seq())) : 0;
            if (!Boolean.TRUE.equals(message.deleted())) {
                chars += send(new ServerFrame.Reactions(message.room(), message.id(), change.reactions(), change.seq()));
            }
            return chars;
        }

        private long send(ServerFrame frame) {
            String encoded = FrameCodec.encode(frame);
            connection.sendEncoded(encoded);
            return encoded.length();
        }
    }

    /**
     * Rooms resumed that the connection does not follow yet are followed from now on, so their live messages come
     * too: the user joined them after the connection read its rooms, and the notice that would have made it
     * follow them went to the connections registered at that moment.
     */
    private void follow(Connection connection, Set<String> resumed) {
        List<String> newlyFollowed = connection.startFollowing(resumed);
        if (newlyFollowed.isEmpty()) {
            return;
        }
        bus.follow(newlyFollowed);
        if (!connection.admitted) {
            // It closed meanwhile, maybe before it had these rooms to unfollow.
            bus.unfollow(connection.stopFollowingAll());
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
                    rooms.requireMember(connection.user, roomId);
                    replayable.put(roomId, seen); // joined since the line above read the user's rooms
                } catch (ParleyException refused) {
                    connection.send(new ServerFrame.Error(refused.code(), refused.getMessage(), null,
                            RoomIds.fits(roomId) ? roomId : null));
                }
            }
        });
        return replayable;
    }

    private static long chars(List<Delivery> page) {
        return page.stream().mapToLong(delivery -> delivery.frame().length()).sum();
    }

    private List<Delivery> page(String room, long afterId) {
        return page(room, afterId, PAGE);
    }

    private List<Delivery> page(String room, long afterId, int size) {
        return messages.after(room, afterId, size).stream().map(Delivery::of).toList();
    }

    /**
     * How many messages the next replay page holds: about {@link Outbox#REPLAY_PACE_CHARS} of them at the size of
     * the last page's ({@code lastPageChars} over its {@code lastPageSize} messages), so that a client that stops reading holds that much, not 500 long messages.
     */
    static int replayPageSize(int lastPageSize, long lastPageChars) {
        if (lastPageSize == 0) {
            return FIRST_REPLAY_PAGE;
        }
        long fitting = Outbox.REPLAY_PACE_CHARS * lastPageSize / Math.max(1, lastPageChars);
        return (int) Math.max(MIN_REPLAY_PAGE, Math.min(PAGE, fitting));
    }
}
