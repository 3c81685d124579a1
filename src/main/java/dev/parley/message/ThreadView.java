package dev.parley.message;

import java.util.List;

/** A thread as {@code GET /api/rooms/{room}/messages/{id}/thread} answers it: its first message and a page of replies. */
public record ThreadView(MessageView root, List<MessageView> replies) {
}
