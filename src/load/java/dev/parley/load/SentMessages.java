package dev.parley.load;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every message of a run by its sequence number: its room, intended send time, the id its ack gave, whether an
 * error answered it, and how many member connections received it. Sized once for the run's bounded count.
 */
final class SentMessages {

    private final AtomicLong newestAcked = new AtomicLong();

    private static final long NOT_ACKED = 0;
    private static final long ERRORED = -1;

    private final int capacity;
    private final int[] roomOf;
    private final long[] intendedNanos;
    /** When the ack arrived (System.nanoTime), written before the ack is published through {@link #answer}. */
    private final long[] ackedAt;
    private final AtomicLongArray answer;
    private final AtomicIntegerArray deliveries;
    private final List<String> rooms;
    private final int[] connectionsPerRoom;
    private final LongAdder acked = new LongAdder();
    private final LongAdder errored = new LongAdder();
    private final LongAdder expectedDeliveries = new LongAdder();
    private volatile int sent;
    private int lostCursor;
    private long lostSoFar;

    /** {@code rooms} by index, each with the number of member connections that must receive its messages. */
    SentMessages(int capacity, List<String> rooms, int[] connectionsPerRoom) {
        this.capacity = capacity;
        this.roomOf = new int[capacity];
        this.intendedNanos = new long[capacity];
        this.ackedAt = new long[capacity];
        this.answer = new AtomicLongArray(capacity);
        this.deliveries = new AtomicIntegerArray(capacity);
        this.rooms = List.copyOf(rooms);
        this.connectionsPerRoom = connectionsPerRoom.clone();
    }

    int capacity() {
        return capacity;
    }

    /** Only the pacer thread calls this, in seq order. */
    void sending(int seq, int room, long intended) {
        roomOf[seq] = room;
        intendedNanos[seq] = intended;
        sent = seq + 1;
    }

    int sent() {
        return sent;
    }

    /** The id of the newest message acked so far (in any room), 0 before the first: what replies and reactions go to. */
    long newestAcked() {
        return newestAcked.get();
    }

    boolean isKnown(long seq) {
        return seq >= 0 && seq < sent;
    }

    long intendedNanos(int seq) {
        return intendedNanos[seq];
    }

    /** Records an ack; false if this seq was already answered (a second ack). */
    boolean acked(int seq, long id) {
        if (answer.get(seq) != NOT_ACKED) {
            return false;
        }
        ackedAt[seq] = System.nanoTime();
        if (!answer.compareAndSet(seq, NOT_ACKED, id)) {
            return false;
        }
        acked.increment();
        expectedDeliveries.add(connectionsPerRoom[roomOf[seq]]);
        newestAcked.accumulateAndGet(id, Math::max);
        return true;
    }

    void errored(int seq) {
        if (answer.compareAndSet(seq, NOT_ACKED, ERRORED)) {
            errored.increment();
        }
    }

    void delivered(int seq) {
        deliveries.incrementAndGet(seq);
    }

    long acked() {
        return acked.sum();
    }

    long errored() {
        return errored.sum();
    }

    /** Sends that have neither an ack nor an error yet. */
    long unanswered() {
        return sent - acked.sum() - errored.sum();
    }

    /** Deliveries owed for every acked message: its room's member connections. */
    long expectedDeliveries() {
        return expectedDeliveries.sum();
    }

    /**
     * Deliveries still missing for acked messages whose ack arrived more than {@code grace} ago: the progress
     * line's "lost so far". Judges messages in sequence order and stops at the first one not yet judgeable (no
     * answer yet, or acked too recently), so it lags a stalled server. Only the monitoring thread calls it.
     */
    long missingOlderThan(long now, long grace) {
        int limit = sent;
        while (lostCursor < limit) {
            long id = answer.get(lostCursor);
            if (id == NOT_ACKED || (id > 0 && ackedAt[lostCursor] > now - grace)) {
                break;
            }
            if (id > 0) {
                lostSoFar += Math.max(0, connectionsPerRoom[roomOf[lostCursor]] - deliveries.get(lostCursor));
            }
            lostCursor++;
        }
        return lostSoFar;
    }

    /** The acked message ids of each room, sorted, by room id. */
    Map<String, long[]> ackedIdsByRoom() {
        int[] counts = new int[rooms.size()];
        for (int seq = 0; seq < sent; seq++) {
            if (answer.get(seq) > 0) {
                counts[roomOf[seq]]++;
            }
        }
        long[][] ids = new long[rooms.size()][];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = new long[counts[r]];
            counts[r] = 0;
        }
        for (int seq = 0; seq < sent; seq++) {
            long id = answer.get(seq);
            if (id > 0) {
                ids[roomOf[seq]][counts[roomOf[seq]]++] = id;
            }
        }
        Map<String, long[]> result = new HashMap<>();
        for (int r = 0; r < ids.length; r++) {
            Arrays.sort(ids[r]);
            result.put(rooms.get(r), ids[r]);
        }
        return result;
    }
}
