package dev.parley.realtime;

import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One open WebSocket of a signed-in user, and the guarantee the protocol makes to it: each room's messages
 * arrive once, in rising id order, with none left out. It remembers the last id sent per room; a message whose
 * predecessor has not been sent yet waits (it overtook another on its way here) and, if the gap does not close
 * by itself, the missing messages are read from the database by {@link CatchUp}.
 */
final class Connection {

    final String id = UUID.randomUUID().toString();
    final String user;
    final String httpSessionId;
    private final Outbox outbox;
    private final CatchUp catchUp;

    // All below guarded by this.
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Map<String, TreeMap<Long, Delivery>> waiting = new HashMap<>();
    private final Set<String> catchingUp = new HashSet<>();
    private List<Delivery> heldDuringReplay;

    Connection(String user, String httpSessionId, Outbox outbox, CatchUp catchUp) {
        this.user = user;
        this.httpSessionId = httpSessionId;
        this.outbox = outbox;
        this.catchUp = catchUp;
    }

    void send(ServerFrame frame) {
        outbox.add(FrameCodec.encode(frame));
    }

    void sendEncoded(String frame) {
        outbox.add(frame);
    }

    /** Where each room's live stream starts for this connection: its newest message when the connection opened. */
    synchronized void startAt(Map<String, Long> newestIds) {
        newestIds.forEach(lastSent::putIfAbsent);
    }

    synchronized void deliver(Delivery delivery) {
        if (heldDuringReplay != null) {
            heldDuringReplay.add(delivery);
        } else {
            accept(delivery);
        }
    }

    private void accept(Delivery delivery) {
        Long last = lastSent.get(delivery.room());
        if (last != null && delivery.id() <= last) {
            return;
        }
        if (last == null || delivery.previousId() <= last) {
            emit(delivery);
            releaseWaiting(delivery.room());
            return;
        }
        waiting.computeIfAbsent(delivery.room(), room -> new TreeMap<>()).put(delivery.id(), delivery);
        if (catchingUp.add(delivery.room())) {
            catchUp.gapNoticed(this, delivery.room());
        }
    }

    private void emit(Delivery delivery) {
        outbox.add(delivery.frame());
        lastSent.put(delivery.room(), delivery.id());
    }

    private void releaseWaiting(String room) {
        TreeMap<Long, Delivery> queue = waiting.get(room);
        while (queue != null && !queue.isEmpty()) {
            Delivery next = queue.firstEntry().getValue();
            long last = lastSent.get(room);
            if (next.id() <= last) {
                queue.pollFirstEntry();
            } else if (next.previousId() <= last) {
                queue.pollFirstEntry();
                emit(next);
            } else {
                return;
            }
        }
        waiting.remove(room);
    }

    /** The id after which messages are missing in this room, or empty when no message is waiting for them. */
    synchronized OptionalLong missingAfter(String room) {
        TreeMap<Long, Delivery> queue = waiting.get(room);
        if (queue == null || queue.isEmpty()) {
            catchingUp.remove(room);
            return OptionalLong.empty();
        }
        return OptionalLong.of(lastSent.getOrDefault(room, 0L));
    }

    /** Messages read from the database after {@link #missingAfter}: consecutive, so each one may go out. */
    synchronized void fill(String room, List<Delivery> fromDatabase) {
        long last = lastSent.getOrDefault(room, 0L);
        for (Delivery delivery : fromDatabase) {
            if (delivery.id() > last) {
                emit(delivery);
                last = delivery.id();
            }
        }
        releaseWaiting(room);
    }

    /** Gives up waiting: what is queued goes out in id order. Only when the database has nothing older. */
    synchronized void releaseAll(String room) {
        TreeMap<Long, Delivery> queue = waiting.remove(room);
        if (queue != null) {
            fill(room, new ArrayList<>(queue.values()));
        }
        catchingUp.remove(room);
    }

    /**
     * Starts a resume: the client's last seen ids replace what this connection sent, and live messages are
     * held back until the replay is done, so the client gets the replay, then {@code resumed}, then live
     * messages it has not had.
     */
    synchronized void beginReplay(Map<String, Long> lastSeen) {
        heldDuringReplay = new ArrayList<>();
        lastSent.putAll(lastSeen);
        lastSeen.keySet().forEach(waiting::remove);
    }

    synchronized void replay(String room, List<Delivery> page) {
        fill(room, page);
    }

    synchronized void endReplay() {
        send(new ServerFrame.Resumed());
        List<Delivery> held = heldDuringReplay;
        heldDuringReplay = null;
        held.forEach(this::accept);
    }

    void close(CloseReason reason) {
        outbox.closeBecause(reason);
    }

    void discard() {
        outbox.discard();
    }
}
