package dev.parley.realtime;

import dev.parley.account.AccessTokenRevoked;
import dev.parley.account.AccountDisabled;
import dev.parley.account.SignInEnded;
import dev.parley.message.MessageEdited;
import dev.parley.message.MessagesPosted;
import dev.parley.message.ReactionsChanged;
import dev.parley.account.ProfileChanged;
import dev.parley.account.UserView;
import dev.parley.room.HiddenChanged;
import dev.parley.room.NotifyChanged;
import dev.parley.room.RoomChanged;
import dev.parley.room.ReadMarked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts what the services changed on the bus, once its transaction has committed and not a moment before: new
 * messages, edits and deletions, membership changes, read markers, disabled accounts. Publishing happens on one relay thread, in
 * the order the changes committed: the committing thread only queues the change, so the message writer goes on
 * to its next batch instead of delivering this one (on the in-process bus, publishing is delivering to every
 * member's connections).
 */
@ApplicationScoped
class ChangeRelay {

    private static final Logger LOG = Logger.getLogger(ChangeRelay.class.getName());

    @Inject
    Bus bus;

    @Inject
    RealtimeThreads threads;

    private void relay(BusEvent event) {
        onRelayThread(() -> bus.publish(event));
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesPosted batch) {
        onRelayThread(() -> batch.messages().forEach(posted -> bus.publish(new BusEvent.MessageEvent(posted))));
    }

    /**
     * A change that cannot be published is logged, and the relay goes on with the next. Nothing committed is lost
     * for clients: their connections see the gap and read the message from the database (see {@link CatchUp}).
     */
    private void onRelayThread(Runnable publish) {
        threads.relaying().execute(() -> {
            try {
                publish.run();
            } catch (RuntimeException failed) {
                LOG.log(Level.SEVERE, "Could not publish a committed change", failed);
            }
        });
    }

    void edited(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageEdited edited) {
        relay(BusEvent.Notice.to(edited.members(), new ServerFrame.Changed(edited.message(), edited.seq())));
    }

    void reactionsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReactionsChanged change) {
        relay(BusEvent.Notice.to(change.members(),
                new ServerFrame.Reactions(change.room(), change.messageId(), change.reactions(), change.seq())));
    }

    void notifyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotifyChanged change) {
        relay(BusEvent.Notice.to(List.of(change.user()), new ServerFrame.Notifications(change.room(), change.level())));
    }

    void profileChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfileChanged change) {
        UserView user = change.user();
        relay(new BusEvent.Broadcast(FrameCodec.encode(
                new ServerFrame.Profile(user.username(), user.displayName(), user.status(), user.avatar()))));
    }

    void hiddenChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) HiddenChanged change) {
        relay(BusEvent.Notice.to(List.of(change.user()), new ServerFrame.Hidden(change.room(), change.hiddenUpTo())));
    }

    void roomChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomChanged change) {
        String room = change.room().id();
        relay(BusEvent.Notice.joining(change.room().members(), new ServerFrame.Room(change.room()), room,
                change.room().lastMessageId()));
        if (!change.removed().isEmpty()) {
            relay(BusEvent.Notice.leaving(change.removed(), new ServerFrame.Removed(room), room));
        }
    }

    /** A disabled account's connections close on every node, not only on the one where the admin clicked. */
    void disabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountDisabled disabled) {
        relay(BusEvent.ShutOut.of(disabled.username(), null, Connections.ACCOUNT_DISABLED));
    }

    void tokenRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessTokenRevoked revoked) {
        relay(BusEvent.ShutOut.of(revoked.username(), revoked.signInId(), Connections.TOKEN_ENDED));
    }

    /**
     * A sign-in ended here (signed out, expired, replaced): its sockets on other nodes close too. This node's
     * closed already, at once ({@link Connections#signInEnded}); the bus brings the event back here as well, where
     * it finds them closed.
     */
    void signInEnded(@Observes SignInEnded ended) {
        relay(BusEvent.ShutOut.of(ended.username(), ended.signInId(), Connections.reasonFor(ended.why())));
    }

    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadMarked read) {
        relay(BusEvent.Notice.to(List.of(read.user()), new ServerFrame.Read(read.room(), read.upTo())));
    }
}
