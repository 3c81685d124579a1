package dev.parley.realtime;

import java.util.function.Consumer;

/** The single-node bus: publishing is delivering, on the publisher's thread. */
class LocalBus implements Bus {

    private volatile Consumer<BusEvent> subscriber = event -> { };

    @Override
    public void publish(BusEvent event) {
        subscriber.accept(event);
    }

    @Override
    public void subscribe(Consumer<BusEvent> subscriber) {
        this.subscriber = subscriber;
    }
}
