package dev.parley.platform;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a message names: {@code @username} at the start of a word, and {@code @room} for everyone in the
 * room. The chat page finds them by the same rule (markdown.js), so what it highlights is what is counted.
 */
public final class Mentions {

    /** Everyone in the room. */
    public static final String ROOM = "room";

    // A username is 3 to 32 of [a-z0-9_.-]; a full stop or hyphen at the end belongs to the sentence.
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@-])@([A-Za-z0-9_.-]{3,32})");

    private Mentions() {
    }

    /** The lower-case names mentioned, {@code room} included when the room is. */
    public static Set<String> in(String body) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = MENTION.matcher(body);
        while (matcher.find()) {
            String name = matcher.group(1).replaceAll("[.-]+$", "");
            if (name.length() >= 3) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Whether the message calls on {@code username}: by name, or by {@code @room}. */
    public static boolean callsOn(String body, String username) {
        Set<String> named = in(body);
        return named.contains(username) || named.contains(ROOM);
    }
}
