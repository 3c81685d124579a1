package dev.parley.realtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rooms this node has connections following, counted: the Redis bus subscribes to a room's channel when
 * the first connection follows it and unsubscribes when the last stops, so a node hears only rooms it serves.
 * Thread-safe; the answers say which rooms changed, for the caller to subscribe or unsubscribe in the same order.
 */
final class RoomInterest {

    private final Map<String, Integer> following = new HashMap<>();

    /** Counts one more connection following each room; answers the rooms nobody here followed before. */
    synchronized List<String> follow(Collection<String> rooms) {
        List<String> fresh = new ArrayList<>();
        for (String room : rooms) {
            if (following.merge(room, 1, Integer::sum) == 1) {
                fresh.add(room);
            }
        }
        return fresh;
    }

    /** Counts one connection fewer for each room; answers the rooms nobody here follows any more. */
    synchronized List<String> unfollow(Collection<String> rooms) {
        List<String> gone = new ArrayList<>();
        for (String room : rooms) {
            if (following.containsKey(room)
                    && following.computeIfPresent(room, (key, count) -> count <= 1 ? null : count - 1) == null) {
                gone.add(room);
            }
        }
        return gone;
    }

    synchronized boolean follows(String room) {
        return following.containsKey(room);
    }

    /** The rooms followed now. */
    synchronized List<String> rooms() {
        return List.copyOf(following.keySet());
    }
}
