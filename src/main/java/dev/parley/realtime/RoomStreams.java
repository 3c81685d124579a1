package dev.parley.realtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * For one connection, which message of each room may go out next. Remembers the last id sent per room; a
 * message goes out when its predecessor has (or the connection never had anything of that room), waits when it
 * overtook its predecessor, and is dropped when it was sent already. Not thread-safe: {@link Connection} locks.
 */
final class RoomStreams {

    private final Consumer<Delivery> emit;
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Map<String, TreeMap<Long, Delivery>> waiting = new HashMap<>();

    RoomStreams(Consumer<Delivery> emit) {
        this.emit = emit;
    }

    /** Where each room's stream starts; rooms already known keep their position. */
    void startAt(Map<String, Long> newestIds) {
        newestIds.forEach(lastSent::putIfAbsent);
    }

    /** Moves rooms back to what a client says it has (a resume): what it lacks is about to be replayed. */
    void rewind(Map<String, Long> lastSeen) {
        lastSent.putAll(lastSeen);
        lastSeen.keySet().forEach(waiting::remove);
    }

    void forget(String room) {
        lastSent.remove(room);
        waiting.remove(room);
    }

    /**
     * Sends the message now, holds it back until its predecessor has gone out, or drops it (sent already); answers
     * true when it is held back.
     */
    boolean holdsBack(Delivery delivery) {
        Long last = lastSent.get(delivery.room());
        if (last != null && delivery.id() <= last) {
            return false;
        }
        if (last == null || delivery.previousId() <= last) {
            send(delivery);
            releaseWaiting(delivery.room());
            return false;
        }
        waiting.computeIfAbsent(delivery.room(), room -> new TreeMap<>()).put(delivery.id(), delivery);
        return true;
    }

    /** The id after which messages are missing in this room, or empty when none is waiting for them. */
    OptionalLong missingAfter(String room) {
        TreeMap<Long, Delivery> queue = waiting.get(room);
        return queue == null || queue.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(lastSent.getOrDefault(room, 0L));
    }

    /**
     * Consecutive messages read from the database, starting right after the last one sent. Ignored for a room
     * this connection does not follow (any more): a read that raced with the user leaving must not reach them.
     */
    void fill(String room, List<Delivery> consecutive) {
        Long followed = lastSent.get(room);
        if (followed == null) {
            return;
        }
        long last = followed;
        for (Delivery delivery : consecutive) {
            if (delivery.id() > last) {
                send(delivery);
                last = delivery.id();
            }
        }
        releaseWaiting(room);
    }

    /** Stops waiting in this room: what is queued goes out in id order. */
    void releaseAll(String room) {
        TreeMap<Long, Delivery> queue = waiting.remove(room);
        if (queue != null) {
            fill(room, List.copyOf(queue.values()));
        }
    }

    private void send(Delivery delivery) {
        emit.accept(delivery);
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
                send(next);
            } else {
                return;
            }
        }
        waiting.remove(room);
    }
}
