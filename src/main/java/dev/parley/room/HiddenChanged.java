package dev.parley.room;

/**
 * A member hid a direct room from their sidebar until a message newer than {@code hiddenUpTo} arrives, or showed
 * it again ({@code hiddenUpTo} null); observed after commit.
 */
public record HiddenChanged(String room, String user, Long hiddenUpTo) {
}
