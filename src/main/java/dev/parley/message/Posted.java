package dev.parley.message;

/** The outcome of a post: the stored message, and whether it had been stored already under the same client id. */
public record Posted(MessageView message, boolean duplicate) {
}
