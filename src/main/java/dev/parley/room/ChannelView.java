package dev.parley.room;

/**
 * A public group room as the channel list shows it to anyone: {@code topic} is absent when none is set;
 * {@code member} says whether the caller is in it already.
 */
public record ChannelView(String id, String name, String topic, long memberCount, boolean member,
        boolean archived) {
}
