package dev.parley.message;

/** A message as clients see it: {@code {"id","room","sender","body","sentAt","clientId"}}. */
public record MessageView(long id, String room, String sender, String body, String sentAt, String clientId) {
}
