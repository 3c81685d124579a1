package dev.parley.api;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;

/** Query and path parameters read by Parley rather than JAX-RS, which answers an unreadable number with 404. */
public final class QueryParams {

    private QueryParams() {
    }

    /** The parameter as a whole number, null when absent, 400 {@code invalid} when it is not one. */
    public static Long wholeNumber(String text, String name) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ParleyException(ErrorCode.INVALID, "'" + name + "' must be a whole number");
        }
    }
}
