package dev.parley.message;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;

/**
 * What a person wrote, trimmed, between 1 and the configured number of characters (Unicode code points), with no
 * control characters but line breaks and tabs.
 */
public record MessageBody(String text) {

    public static MessageBody of(String typed, int maxLength) {
        return of(typed, maxLength, false);
    }

    /** A body that may be empty when {@code mayBeEmpty} (a message carrying files says enough without words). */
    public static MessageBody of(String typed, int maxLength, boolean mayBeEmpty) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() && !mayBeEmpty) {
            throw new ParleyException(ErrorCode.BAD_REQUEST, "A message needs a body");
        }
        if (!TextRules.fitsMessage(text)) {
            throw new ParleyException(ErrorCode.BAD_REQUEST,
                    "A message may not hold control characters other than line breaks and tabs");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw new ParleyException(ErrorCode.TOO_LARGE,
                    "A message is at most " + maxLength + " characters; this one has " + length);
        }
        return new MessageBody(text);
    }
}
