package dev.parley.realtime;

import dev.parley.message.MessageEdited;
import dev.parley.message.MessagesPosted;
import dev.parley.room.MembershipChanged;
import dev.parley.room.ReadMarked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Puts what the services changed on the bus, once its transaction has committed and not a moment before: new
 * messages, edits and deletions, membership changes, read markers. Publishing happens on one relay thread, in
 * the order the changes committed: the committing thread only queues the change, so the message writer goes on
 * to its next batch instead of delivering this one (on the in-process bus, publishing is delivering to every
 * member's connections).
 */
@ApplicationScoped
class ChangeRelay {

    @Inject
    Bus bus;

    @Inject
    RealtimeThreads threads;

    private void relay(BusEvent event) {
        threads.relaying().execute(() -> bus.publish(event));
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesPosted batch) {
        threads.relaying().execute(() -> batch.messages().forEach(
                posted -> bus.publish(new BusEvent.MessageEvent(posted))));
    }

    void edited(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageEdited edited) {
        relay(BusEvent.Notice.to(edited.members(), new ServerFrame.Changed(edited.message())));
    }

    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        String room = change.room().id();
        relay(BusEvent.Notice.joining(change.room().members(), new ServerFrame.Room(change.room()), room,
                change.room().lastMessageId()));
        if (!change.removed().isEmpty()) {
            relay(BusEvent.Notice.leaving(change.removed(), new ServerFrame.Removed(room), room));
        }
    }

    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadMarked read) {
        relay(BusEvent.Notice.to(List.of(read.user()), new ServerFrame.Read(read.room(), read.upTo())));
    }
}
