package dev.parley.account;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A user's name as the protocol defines it: 3 to 32 of {@code [a-z0-9_.-]}, compared without case, kept lower-case. */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9_.-]{3,32}");

    public Username {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new ParleyException(ErrorCode.INVALID,
                    "A username is 3 to 32 characters: letters, digits, '_', '.' or '-'");
        }
    }

    /** Accepts what a person typed: surrounding spaces and upper case are forgiven. */
    public static Username of(String typed) {
        return new Username(typed == null ? null : typed.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
