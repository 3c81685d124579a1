package dev.parley.message;

import java.util.List;

/**
 * A message's text was changed, or erased ({@code message.deleted()}), as change {@code seq} of its room's change
 * log; observed after commit.
 */
public record MessageEdited(MessageView message, long seq, List<String> members) {
}
