package dev.parley.message;

import java.util.List;

/**
 * A message someone sent, checked for shape, waiting to be stored. Its sender and client id identify it.
 * {@code thread} is the message it replies to in a thread, or null; {@code files} the ids of the uploads it takes.
 */
public record PostRequest(String sender, String room, String clientId, MessageBody body, Long thread,
        List<String> files) implements Write {
}
