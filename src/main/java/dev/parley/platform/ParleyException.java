package dev.parley.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * A refusal the client caused and can understand: bad input, a missing room, a room it is not in. Carries the
 * protocol's error code; the REST layer and the WebSocket endpoint each turn it into their own error shape.
 * Thrown inside a transaction it rolls the transaction back, so a refused request stores nothing.
 */
public class ParleyException extends RuntimeException {

    private final ErrorCode code;
    private final Duration retryAfter;

    public ParleyException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** A refusal that ends by itself: the client may try again after {@code retryAfter} (HTTP Retry-After). */
    public ParleyException(ErrorCode code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
