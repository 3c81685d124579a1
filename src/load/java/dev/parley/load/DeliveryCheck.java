package dev.parley.load;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The protocol's promise, checked per receiving connection per room: message ids rise strictly, nothing
 * arrives twice, and every acked message reaches every member connection. A connection keeps the ids it
 * received per room in arrival order ({@link Log}); {@link #verify} compares them with the acked ids.
 */
final class DeliveryCheck {

    /** What one connection received in one room, in arrival order. Appends come from one thread at a time. */
    static final class Log {
        private long[] ids = new long[64];
        private int size;
        private long highest = Long.MIN_VALUE;
        private long outOfOrderLive;

        synchronized void add(long id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
            if (id <= highest) {
                outOfOrderLive++;
            } else {
                highest = id;
            }
        }

        /** Arrivals whose id was not above every earlier one: out of order or repeated. */
        synchronized long notRising() {
            return outOfOrderLive;
        }

        synchronized long[] arrivals() {
            return Arrays.copyOf(ids, size);
        }
    }

    /** Counts of broken promises; all zero in a good run. */
    record Verdict(long lost, long duplicated, long outOfOrder, long deliveredNotAcked) {

        static final Verdict NONE = new Verdict(0, 0, 0, 0);

        Verdict plus(Verdict other) {
            return new Verdict(lost + other.lost, duplicated + other.duplicated, outOfOrder + other.outOfOrder,
                    deliveredNotAcked + other.deliveredNotAcked);
        }
    }

    private DeliveryCheck() {
    }

    /**
     * Judges one connection's arrivals in one room against the room's acked ids (sorted): lost = acked and never
     * received; duplicated = an id received again; out of order = a first arrival below an id received before it;
     * delivered but not acked = received, but its send was never acked (the ack went missing).
     */
    static Verdict verify(long[] arrivals, long[] ackedSorted) {
        long duplicated = 0;
        long outOfOrder = 0;
        if (!strictlyRising(arrivals)) {
            Set<Long> seen = new HashSet<>();
            long highest = Long.MIN_VALUE;
            for (long id : arrivals) {
                if (!seen.add(id)) {
                    duplicated++;
                } else if (id < highest) {
                    outOfOrder++;
                }
                highest = Math.max(highest, id);
            }
        }
        long[] received = distinctSorted(arrivals);
        long matched = 0;
        int a = 0;
        int r = 0;
        while (a < ackedSorted.length && r < received.length) {
            if (ackedSorted[a] == received[r]) {
                matched++;
                a++;
                r++;
            } else if (ackedSorted[a] < received[r]) {
                a++;
            } else {
                r++;
            }
        }
        return new Verdict(ackedSorted.length - matched, duplicated, outOfOrder, received.length - matched);
    }

    /** Sums {@link #verify} over connections: each entry maps a room id to the connection's log of it. */
    static Verdict verifyAll(Iterable<Map<String, Log>> connections, Map<String, long[]> ackedByRoom) {
        Verdict total = Verdict.NONE;
        for (Map<String, Log> rooms : connections) {
            for (Map.Entry<String, Log> room : rooms.entrySet()) {
                long[] acked = ackedByRoom.getOrDefault(room.getKey(), new long[0]);
                total = total.plus(verify(room.getValue().arrivals(), acked));
            }
        }
        return total;
    }

    private static boolean strictlyRising(long[] ids) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static long[] distinctSorted(long[] ids) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (size == 0 || sorted[size - 1] != sorted[i]) {
                sorted[size++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, size);
    }
}
