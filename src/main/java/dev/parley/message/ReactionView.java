package dev.parley.message;

import java.util.List;

/** One emoji on a message and who reacted with it, first to react first. */
public record ReactionView(String emoji, List<String> users) {
}
