package dev.parley.message;

import java.util.List;

/** A message's text was changed, or erased ({@code message.deleted()}); observed after commit. */
public record MessageEdited(MessageView message, List<String> members) {
}
