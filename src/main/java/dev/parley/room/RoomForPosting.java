package dev.parley.room;

import java.util.List;

/** A room locked for new messages: its newest message id and who is in it. */
public record RoomForPosting(long newestId, List<String> members) {
}
