package dev.parley.realtime;

import dev.parley.message.MessageEdited;
import dev.parley.message.MessagePosted;
import dev.parley.room.MembershipChanged;
import dev.parley.room.ReadMarked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Puts what the services changed on the bus, once its transaction has committed and not a moment before: new
 * messages, edits and deletions, membership changes, read markers.
 */
@ApplicationScoped
class ChangeRelay {

    @Inject
    Bus bus;

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
        bus.publish(new BusEvent.MessageEvent(posted));
    }

    void edited(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageEdited edited) {
        bus.publish(BusEvent.Notice.to(edited.members(), new ServerFrame.Changed(edited.message())));
    }

    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        String room = change.room().id();
        bus.publish(BusEvent.Notice.joining(change.room().members(), new ServerFrame.Room(change.room()), room,
                change.room().lastMessageId()));
        if (!change.removed().isEmpty()) {
            bus.publish(BusEvent.Notice.leaving(change.removed(), new ServerFrame.Removed(room), room));
        }
    }

    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadMarked read) {
        bus.publish(BusEvent.Notice.to(List.of(read.user()), new ServerFrame.Read(read.room(), read.upTo())));
    }
}
