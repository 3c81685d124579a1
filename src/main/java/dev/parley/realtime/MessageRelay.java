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
class MessageRelay {

    @Inject
    Bus bus;

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
        bus.publish(new BusEvent.MessageEvent(posted));
    }

    void edited(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageEdited edited) {
        bus.publish(BusEvent.Notice.to(edited.members(), new ServerFrame.Changed(edited.message())));
    }

    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        String frame = FrameCodec.encode(new ServerFrame.Room(change.room()));
        bus.publish(new BusEvent.Notice(change.room().members(), frame, null, change.room().id(),
                change.room().lastMessageId(), null));
        if (!change.removed().isEmpty()) {
            bus.publish(new BusEvent.Notice(change.removed(),
                    FrameCodec.encode(new ServerFrame.Removed(change.room().id())), null, null, 0, change.room().id()));
        }
    }

    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadMarked read) {
        bus.publish(BusEvent.Notice.to(List.of(read.user()), new ServerFrame.Read(read.room(), read.upTo())));
    }
}
