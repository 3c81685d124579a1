package dev.parley.message;

import java.util.List;

/**
 * One stored message as it is announced: with the id of the room's message before it and the room's members at
 * posting time, so relaying needs no further lookup. The message writer's batch fires them together, after the
 * transaction commits, as {@link MessagesPosted}.
 */
public record MessagePosted(MessageView message, long previousId, List<String> members) {
}
