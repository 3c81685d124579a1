package dev.parley.realtime;

import dev.parley.message.MessagePosted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Puts a stored message on the bus, once its transaction has committed and not a moment before. */
@ApplicationScoped
class MessageRelay {

    @Inject
    Bus bus;

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
        bus.publish(new BusEvent.MessageEvent(posted));
    }
}
