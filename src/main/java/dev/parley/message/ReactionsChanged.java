package dev.parley.message;

import java.util.List;

/**
 * Someone added or removed a reaction, as change {@code seq} of the room's change log; observed after commit.
 * {@code reactions} are all of the message's now; {@code members} are the room's, who are told.
 */
public record ReactionsChanged(String room, long messageId, long seq, List<ReactionView> reactions,
        List<String> members) {
}
