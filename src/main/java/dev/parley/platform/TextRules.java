package dev.parley.platform;

import java.util.Locale;

/**
 * Which characters each kind of text a person types may hold. Control characters are refused everywhere but as
 * line breaks and tabs in message bodies: a NUL is refused by PostgreSQL and by SQLite's search index, and the
 * others only hide text. Names people see each other by also refuse format characters (Unicode category Cf: zero-
 * width spaces and joiners, right-to-left overrides and isolates, soft hyphens), with which one person can be made
 * to look like another.
 */
public final class TextRules {

    private TextRules() {
    }

    /** A message body: any character but controls, except line breaks and tabs. */
    public static boolean fitsMessage(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /** One line of text (a client id, a search): no control characters at all. */
    public static boolean fitsLine(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }

    /** A name people recognise someone or something by: one line, and nothing invisible or direction-changing. */
    public static boolean fitsName(String text) {
        return fitsLine(text) && text.codePoints().noneMatch(c -> Character.getType(c) == Character.FORMAT);
    }

    /** At most {@code max} characters of what a client sent, for repeating it in an answer. */
    public static String excerpt(String clientText, int max) {
        if (clientText == null || clientText.length() <= max) {
            return clientText;
        }
        int end = Character.isHighSurrogate(clientText.charAt(max - 1)) ? max - 1 : max;
        return clientText.substring(0, end) + "…";
    }

    /**
     * A LIKE pattern (escape character backslash) that matches text containing {@code words}: {@code %},
     * {@code _} and backslashes in them stand for themselves.
     */
    public static String containing(String words) {
        return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The longest text an admin's search box takes. */
    public static final int MAX_ADMIN_SEARCH = 64;

    /**
     * What was typed into an admin search box (null: nothing) as a {@link #containing} pattern, trimmed and
     * lower-cased for matching against lower-cased columns; {@code invalid} when it is too long or holds control
     * characters.
     */
    public static String adminSearch(String typed) {
        String words = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (words.length() > MAX_ADMIN_SEARCH || !fitsLine(words)) {
            throw new ParleyException(ErrorCode.INVALID, "A search is at most " + MAX_ADMIN_SEARCH
                    + " characters, without control characters");
        }
        return containing(words);
    }
}
