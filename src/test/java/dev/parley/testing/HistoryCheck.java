package dev.parley.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery promise checked against the database after a run: every acked message is stored, and every
 * member's client received every message of the room once, in id order, and nothing else. What each client
 * received is its record of {@code message} frames in arrival order, over all its connections (live and
 * replayed); the database's ids of the room in order are the truth.
 */
public final class HistoryCheck {

    public enum Kind {
        /** Acked to its sender, but not in the database. */
        ACKED_NOT_STORED,
        /** In the database, never received by this client. */
        LOST,
        /** Received more than once. */
        DUPLICATED,
        /** Received after a message with a higher id. */
        OUT_OF_ORDER,
        /** Received, but not in the database (or not in this room). */
        UNKNOWN
    }

    public record Finding(Kind kind, String client, long id) {
    }

    private HistoryCheck() {
    }

    /**
     * @param stored the room's message ids in the database, in id order
     * @param acked ids the senders were acked
     * @param received per client, the ids it received in arrival order
     */
    public static List<Finding> check(List<Long> stored, Set<Long> acked, Map<String, List<Long>> received) {
        List<Finding> findings = new ArrayList<>();
        Set<Long> inDatabase = new LinkedHashSet<>(stored);
        acked.stream().filter(id -> !inDatabase.contains(id)).sorted()
                .forEach(id -> findings.add(new Finding(Kind.ACKED_NOT_STORED, "", id)));
        received.forEach((client, arrivals) -> {
            Set<Long> seen = new HashSet<>();
            long highest = Long.MIN_VALUE;
            for (long id : arrivals) {
                if (!seen.add(id)) {
                    findings.add(new Finding(Kind.DUPLICATED, client, id));
                    continue;
                }
                if (!inDatabase.contains(id)) {
                    findings.add(new Finding(Kind.UNKNOWN, client, id));
                }
                if (id < highest) {
                    findings.add(new Finding(Kind.OUT_OF_ORDER, client, id));
                }
                highest = Math.max(highest, id);
            }
            inDatabase.stream().filter(id -> !seen.contains(id))
                    .forEach(id -> findings.add(new Finding(Kind.LOST, client, id)));
        });
        return findings;
    }
}
