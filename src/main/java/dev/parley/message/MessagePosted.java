package dev.parley.message;

import java.util.List;

/**
 * A message was stored. Observed after the transaction commits, never before, so nothing is announced that
 * could still roll back. Carries the members at posting time so relaying needs no further lookup.
 */
public record MessagePosted(MessageView message, long previousId, List<String> members) {
}
