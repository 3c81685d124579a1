package dev.parley.message;

import java.util.List;

/**
 * The messages one transaction stored, in the order they were stored. One event per commit rather than one per
 * message: firing a CDI event and registering its after-commit callback costs more than storing a message.
 * Observed after the transaction commits, never before, so nothing is announced that could still roll back.
 */
public record MessagesPosted(List<MessagePosted> messages) {
}
