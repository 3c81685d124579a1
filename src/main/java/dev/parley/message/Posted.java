package dev.parley.message;

/** The outcome of a post: the stored message (stored now, or earlier under the same client id). */
public record Posted(MessageView message) {
}
