package dev.parley.message;

/** A message someone sent, checked for shape, waiting to be stored. */
public record PostRequest(String sender, String room, String clientId, MessageBody body) {

    /** Who sent it under which client id: the same key twice is one message. */
    String idempotencyKey() {
        return idempotencyKey(sender, clientId);
    }

    static String idempotencyKey(String sender, String clientId) {
        return sender + '\n' + clientId;
    }
}
