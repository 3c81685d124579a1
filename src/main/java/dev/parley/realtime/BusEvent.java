package dev.parley.realtime;

import dev.parley.message.MessagePosted;
import java.util.List;

/** What nodes tell each other over the {@link Bus}. Each node delivers it to its own open connections. */
sealed interface BusEvent {

    record MessageEvent(MessagePosted posted) implements BusEvent {
    }

    record PresenceEvent(String user, boolean online) implements BusEvent {
    }

    /** {@code fromConnection} is left out of the delivery: the typist's own tab needs no telling. */
    record TypingEvent(String room, String user, List<String> members, String fromConnection) implements BusEvent {
    }
}
