package dev.parley.realtime;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * Carries events to every node, this one included. In-process on a single node; Redis pub/sub across several.
 * The rest of realtime never knows which.
 */
interface Bus {

    void publish(BusEvent event);

    /** The one subscriber of this node; called in publishing order for events published by one thread. */
    void subscribe(Consumer<BusEvent> subscriber);

    /**
     * A connection of this node follows these rooms from now on: their messages must reach this node. Returns once
     * they will (the in-process bus hears everything anyway).
     */
    default void follow(Collection<String> rooms) {
    }

    /** A connection of this node no longer follows these rooms. */
    default void unfollow(Collection<String> rooms) {
    }

    /** Events received and not yet delivered to the subscriber. */
    default int backlog() {
        return 0;
    }

    /** How long the latest delivered event waited on this node before delivery, in milliseconds. */
    default double lagMillis() {
        return 0;
    }
}
