package dev.parley.message;

import dev.parley.platform.ParleyException;

/**
 * What became of one write of a batch: done, with its answer (a {@link Posted} message, or a message's reactions
 * after a {@link ReactionChange}), or refused on its own.
 */
public record WriteOutcome(Object answer, ParleyException refusal) {

    static WriteOutcome done(Object answer) {
        return new WriteOutcome(answer, null);
    }

    static WriteOutcome refused(ParleyException refusal) {
        return new WriteOutcome(null, refusal);
    }
}
