package dev.parley.room;

/** A user's read marker in a room moved forward; their other tabs take it up. Observed after commit. */
public record ReadMarked(String room, String user, long upTo) {
}
