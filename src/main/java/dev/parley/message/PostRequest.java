package dev.parley.message;

/** A message someone sent, checked for shape, waiting to be stored. Its sender and client id identify it. */
public record PostRequest(String sender, String room, String clientId, MessageBody body) {
}
