package dev.parley.message;

/**
 * What waits for the {@link MessageWriter}: a message to post, or a reaction to add or take back. Both are stored
 * in the writer's batches, so one commit covers them all, in the order they came.
 */
public sealed interface Write permits PostRequest, ReactionChange {

    /** The room written to; the batch locks it. */
    String room();
}
