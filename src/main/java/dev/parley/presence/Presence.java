package dev.parley.presence;

import java.util.Set;

/**
 * Who is online: a count of each user's open connections, across every node. A user is online while the count
 * is above zero, so a second tab closing does not flip anyone offline.
 */
public interface Presence {

    /** Counts one more connection; true when it is the user's first anywhere (they just came online). */
    boolean connected(String username);

    /** Counts one connection fewer; true when it was the user's last anywhere (they just went offline). */
    boolean disconnected(String username);

    Set<String> online();

    /**
     * Says this node is alive, and takes the connections of nodes that stopped saying so (killed, cut off) off the
     * counts. Called every few seconds. Answers whose presence that changed, for the caller to announce: people of
     * a dead node who are now offline, and, if other nodes took this node for dead (a long pause), this node's own
     * people who are back. One node in a process has nothing to do.
     */
    default Changes heartbeat() {
        return Changes.NONE;
    }

    /** Users who came online and went offline, as a heartbeat found. */
    record Changes(Set<String> online, Set<String> offline) {

        static final Changes NONE = new Changes(Set.of(), Set.of());
    }
}
