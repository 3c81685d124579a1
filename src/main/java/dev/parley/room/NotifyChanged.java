package dev.parley.room;

/** A member chose what in a room calls for their attention; observed after commit. */
public record NotifyChanged(String room, String user, String level) {
}
