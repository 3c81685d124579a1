package dev.parley.platform;

/**
 * A refusal the client caused and can understand: bad input, a missing room, a room it is not in. Carries the
 * protocol's error code; the REST layer and the WebSocket endpoint each turn it into their own error shape.
 * Thrown inside a transaction it rolls the transaction back, so a refused request stores nothing.
 */
public class ParleyException extends RuntimeException {

    private final ErrorCode code;

    public ParleyException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
