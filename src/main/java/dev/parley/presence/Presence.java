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
}
