package dev.parley.message;

/**
 * A message someone sent, checked for shape, waiting to be stored. Its sender and client id identify it.
 * {@code thread} is the message it replies to in a thread, or null.
 */
public record PostRequest(String sender, String room, String clientId, MessageBody body, Long thread) {
}
