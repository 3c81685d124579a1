package dev.parley.realtime;

import dev.parley.message.MessageView;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One open WebSocket of a signed-in user, and the guarantee the protocol makes to it: each room's messages
 * arrive once, in rising id order, with none left out. {@link RoomStreams} decides what may go out; when a
 * message waits for a predecessor that does not come by itself, {@link CatchUp} reads it from the database.
 */
final class Connection {

    private static final int MAX_CATCH_UP_ROUNDS = 20;
    /** Resumes a client may ask for before the one running has said {@code resumed}. */
    static final int MAX_RESUMES_WAITING = 8;

    final String id = UUID.randomUUID().toString();
    final String user;
    /** The sign-in this connection was opened under (see {@code SignInEnded}), and its HTTP session. */
    final String signInId;
    final HttpSession httpSession;
    private final Outbox outbox;
    private final CatchUp catchUp;
    /** Touched only by the container's thread for this socket, one frame at a time. */
    final FrameBudget budget;

    // Guarded by this.
    private final RoomStreams streams;
    /** Rooms a catch-up is scheduled for, with how many rounds it has had. */
    private final Map<String, Integer> catchUpRounds = new HashMap<>();
    /** Client ids of this connection's sends whose answer has not gone out yet, oldest first. */
    private final Deque<String> awaitingAck = new ArrayDeque<>();
    private List<Delivery> heldDuringReplay;
    /** Resumes asked for while another was replaying, oldest first; {@code replaying} while one runs. */
    private final Deque<ClientFrame.Resume> resumesWaiting = new ArrayDeque<>();
    private boolean replaying;
    /** Whether {@link Connections} admitted it (and counts it against its user's cap); only its threads touch it. */
    volatile boolean admitted;
    /** The rooms this connection told the bus it follows ({@link Bus#follow}), to unfollow when it closes. */
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    /** When the user last did something on this connection (see {@link EndedSignIns}). */
    private volatile long lastActiveMillis;

    Connection(String user, String signInId, HttpSession httpSession, Outbox outbox, CatchUp catchUp,
            FrameBudget budget) {
        this.user = user;
        this.signInId = signInId;
        this.httpSession = httpSession;
        this.outbox = outbox;
        this.catchUp = catchUp;
        this.budget = budget;
        this.streams = new RoomStreams(delivery -> outbox.add(delivery.frame()));
    }

    void send(ServerFrame frame) {
        outbox.add(FrameCodec.encode(frame));
    }

    /** The user sent or typed something here: their sign-in is not idle. */
    void noteActivity() {
        lastActiveMillis = System.currentTimeMillis();
    }

    long lastActiveMillis() {
        return lastActiveMillis;
    }

    void sendEncoded(String frame) {
        outbox.add(frame);
    }

    /** Where each room's live stream starts for this connection: its newest message when the connection opened. */
    synchronized void startAt(Map<String, Long> newestIds) {
        streams.startAt(newestIds);
    }

    /** Notes that the bus was told this connection follows {@code rooms}; answers those it did not follow yet. */
    List<String> startFollowing(Collection<String> rooms) {
        return rooms.stream().filter(followed::add).toList();
    }

    /** Answers whether it followed {@code room}, and stops. */
    boolean stopFollowing(String room) {
        return followed.remove(room);
    }

    /** Stops following every room; answers them. */
    List<String> stopFollowingAll() {
        List<String> rooms = List.copyOf(followed);
        followed.removeAll(rooms);
        return rooms;
    }

    /** The user left the room: nothing of it may reach this connection any more, nor be caught up later. */
    synchronized void forget(String room) {
        streams.forget(room);
        catchUpRounds.remove(room);
        if (heldDuringReplay != null) {
            heldDuringReplay.removeIf(delivery -> delivery.room().equals(room));
        }
    }

    /** A send from this connection was handed to the writer; its ack is owed. */
    synchronized void expectAck(String clientId) {
        awaitingAck.add(clientId);
    }

    /**
     * The send was answered, in the order of this connection's sends: sends its ack unless the message's own
     * delivery to this connection carried it already (see {@link #deliver}). Called after that delivery had its
     * chance on this node.
     */
    synchronized void acknowledge(MessageView message) {
        if (awaitingAck.remove(message.clientId())) {
            send(ServerFrame.Ack.of(message));
        }
    }

    /** The send was refused or failed: no ack is owed (the caller sends the error). */
    synchronized void noAckOwed(String clientId) {
        awaitingAck.remove(clientId);
    }

    /**
     * A message for this connection. When it answers this connection's oldest unanswered send, its ack goes
     * first in the same WebSocket frame: a sender then costs one frame per message instead of two. Only the
     * oldest: a later send's ack must not overtake an earlier one's answer.
     */
    synchronized void deliver(Delivery delivery) {
        MessageView message = delivery.message();
        boolean ackQueued = message.sender().equals(user) && message.clientId().equals(awaitingAck.peekFirst());
        if (ackQueued) {
            awaitingAck.removeFirst();
            outbox.enqueue(FrameCodec.encode(ServerFrame.Ack.of(message)));
        }
        if (heldDuringReplay != null) {
            if (heldDuringReplay.size() >= Outbox.MAX_QUEUED) {
                // A replay the client does not read while its rooms go on: the same as falling too far behind.
                close(Outbox.TOO_FAR_BEHIND);
                return;
            }
            heldDuringReplay.add(delivery);
        } else {
            offer(delivery);
        }
        if (ackQueued) {
            outbox.startSending(); // the message itself may be held back; the ack goes now either way
        }
    }

    private void offer(Delivery delivery) {
        if (streams.holdsBack(delivery) && catchUpRounds.putIfAbsent(delivery.room(), 0) == null) {
            catchUp.gapNoticed(this, delivery.room());
        }
    }

    synchronized OptionalLong missingAfter(String room) {
        return streams.missingAfter(room);
    }

    /** Messages read from the database (a catch-up, or a page of a replay), consecutive from the last sent. */
    synchronized void fill(String room, List<Delivery> fromDatabase) {
        streams.fill(room, fromDatabase);
    }

    /**
     * After a catch-up: if messages still wait, their predecessors were committed after the database was read
     * and are on their way; check again. Only after many rounds without progress (a predecessor that never
     * comes) are the waiting messages let through, so one lost publication cannot stall a room for good.
     */
    synchronized void catchUpDone(String room) {
        if (streams.missingAfter(room).isEmpty()) {
            catchUpRounds.remove(room);
        } else if (catchUpRounds.merge(room, 1, Integer::sum) > MAX_CATCH_UP_ROUNDS) {
            streams.releaseAll(room);
            catchUpRounds.remove(room);
        } else {
            catchUp.gapNoticed(this, room);
        }
    }

    /**
     * Queues a resume. Answers whether the caller starts it now: false while another is replaying (it is taken
     * up by {@link #nextResume} when that one is done). Refuses when too many wait.
     */
    synchronized boolean queueResume(ClientFrame.Resume resume) {
        if (resumesWaiting.size() >= MAX_RESUMES_WAITING) {
            throw new ParleyException(ErrorCode.BAD_REQUEST, "Too many resumes at once; wait for resumed");
        }
        resumesWaiting.add(resume);
        if (replaying) {
            return false;
        }
        replaying = true;
        return true;
    }

    /** The resume to replay next, or null when none waits (the connection is then no longer replaying). */
    synchronized ClientFrame.Resume nextResume() {
        ClientFrame.Resume next = resumesWaiting.poll();
        replaying = next != null;
        return next;
    }

    /**
     * Starts a resume: the client's last seen ids replace what this connection sent, and live messages are
     * held back until the replay is done, so the client gets the replay, then {@code resumed}, then the live
     * messages it has not had.
     */
    synchronized void beginReplay(Map<String, Long> lastSeen) {
        heldDuringReplay = new ArrayList<>();
        streams.rewind(lastSeen);
    }

    /** Whether the client has read enough of what was queued for more replay to be added. */
    boolean readyForMoreReplay() {
        return outbox.isBelow(Outbox.REPLAY_PACE_FRAMES, Outbox.REPLAY_PACE_CHARS);
    }

    /** Runs {@code then} once the client has read enough for more replay; never, if the connection closes first. */
    void whenReadyForMoreReplay(Runnable then) {
        outbox.whenBelow(Outbox.REPLAY_PACE_FRAMES, Outbox.REPLAY_PACE_CHARS, then);
    }

    boolean isClosed() {
        return outbox.isClosed();
    }

    /** {@code changesUpTo}: per room, the change number up to which every change was replayed or goes live. */
    synchronized void endReplay(Map<String, Long> changesUpTo) {
        send(new ServerFrame.Resumed(changesUpTo));
        List<Delivery> held = heldDuringReplay;
        heldDuringReplay = null;
        held.forEach(this::offer);
    }

    void close(CloseReason reason) {
        outbox.closeBecause(reason);
    }

    void discard() {
        outbox.discard();
    }
}
