package dev.parley.message;

import java.util.List;

/**
 * Someone added or removed a reaction; observed after commit. {@code reactions} are all of the message's now;
 * {@code members} are the room's, who are told.
 */
public record ReactionsChanged(String room, long messageId, List<ReactionView> reactions, List<String> members) {
}
