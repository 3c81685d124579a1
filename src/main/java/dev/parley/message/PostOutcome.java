package dev.parley.message;

import dev.parley.platform.ParleyException;

/** What became of one request of a batch: stored (or found stored already), or refused on its own. */
public record PostOutcome(Posted posted, ParleyException refusal) {

    static PostOutcome stored(Posted posted) {
        return new PostOutcome(posted, null);
    }

    static PostOutcome refused(ParleyException refusal) {
        return new PostOutcome(null, refusal);
    }
}
