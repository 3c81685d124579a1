package dev.parley.room;

import java.util.List;

/**
 * A room was created, or people joined or left it; observed after commit. {@code room} lists the members now;
 * {@code removed} are those who are no longer in it.
 */
public record RoomChanged(RoomView room, List<String> removed) {
}
