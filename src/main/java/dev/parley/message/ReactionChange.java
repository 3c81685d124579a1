package dev.parley.message;

/** Someone adds ({@code add}) or takes back a reaction, checked for shape, waiting to be stored. */
public record ReactionChange(String user, String room, long messageId, String emoji, boolean add) implements Write {
}
