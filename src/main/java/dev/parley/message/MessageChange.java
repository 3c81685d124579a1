package dev.parley.message;

import java.util.List;

/**
 * A message as it is now, read for a client catching up on changes: {@code seq} is the number of its latest change
 * in its room's change log, {@code reactions} all of its reactions (none for a deleted message).
 */
public record MessageChange(MessageView message, long seq, List<ReactionView> reactions) {

    /** Whether its text was ever changed or erased (else only its reactions changed). */
    public boolean textChanged() {
        return message.editedAt() != null || Boolean.TRUE.equals(message.deleted());
    }
}
