package dev.parley.presence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Presence for a single node: connection counts in this process. */
class LocalPresence implements Presence {

    private final ConcurrentHashMap<String, Integer> connections = new ConcurrentHashMap<>();

    @Override
    public boolean connected(String username) {
        return connections.merge(username, 1, Integer::sum) == 1;
    }

    @Override
    public boolean disconnected(String username) {
        boolean[] last = {false};
        connections.computeIfPresent(username, (user, count) -> {
            last[0] = count == 1;
            return count == 1 ? null : count - 1;
        });
        return last[0];
    }

    @Override
    public Set<String> online() {
        return Set.copyOf(connections.keySet());
    }
}
