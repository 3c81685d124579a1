package dev.parley.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The last step of every event's path: from the bus to this node's open connections. A message goes to every
 * connection of every member, encoded once for all of them.
 */
@ApplicationScoped
class Fanout {

    @Inject
    Bus bus;

    @Inject
    Connections connections;

    private final LongAdder deliveries = new LongAdder();

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        bus.subscribe(this::deliver);
    }

    void deliver(BusEvent event) {
        if (event instanceof BusEvent.MessageEvent posted) {
            deliver(posted);
        } else if (event instanceof BusEvent.PresenceEvent presence) {
            String frame = FrameCodec.encode(new ServerFrame.Presence(presence.user(), presence.online()));
            connections.all().forEach(connection -> connection.sendEncoded(frame));
        } else if (event instanceof BusEvent.Broadcast broadcast) {
            connections.all().forEach(connection -> connection.sendEncoded(broadcast.frame()));
        } else if (event instanceof BusEvent.Notice notice) {
            deliver(notice);
        } else if (event instanceof BusEvent.ShutOut shutOut) {
            CloseReason reason = shutOut.closeReason();
            connections.of(shutOut.user()).stream()
                    .filter(connection -> shutOut.signInId() == null || shutOut.signInId().equals(connection.signInId))
                    .forEach(connection -> connection.close(reason));
        } else if (event instanceof BusEvent.Missed) {
            connections.all().forEach(connection -> connection.close(Outbox.TOO_FAR_BEHIND));
        }
    }

    private void deliver(BusEvent.MessageEvent posted) {
        Delivery delivery = Delivery.of(posted.posted());
        int delivered = 0;
        for (String member : posted.posted().members()) {
            for (Connection connection : connections.of(member)) {
                connection.deliver(delivery);
                delivered++;
            }
        }
        deliveries.add(delivered);
    }

    /** Messages handed to connections of this node since it started: one per connection per message. */
    long deliveries() {
        return deliveries.sum();
    }

    private void deliver(BusEvent.Notice notice) {
        for (String user : notice.users()) {
            for (Connection connection : connections.of(user)) {
                if (!connection.id.equals(notice.exceptConnection())) {
                    follow(connection, notice);
                    connection.sendEncoded(notice.frame());
                }
            }
        }
    }

    /**
     * A membership change moves the connection's bookkeeping, and this node's subscriptions, before the client
     * hears of it.
     */
    private void follow(Connection connection, BusEvent.Notice notice) {
        if (notice.joinedRoom() != null) {
            bus.follow(connection.startFollowing(List.of(notice.joinedRoom())));
            if (!connection.admitted) {
                // It closed meanwhile, maybe before it had this room to unfollow.
                bus.unfollow(connection.stopFollowingAll());
            }
            connection.startAt(Map.of(notice.joinedRoom(), notice.joinedAfter()));
        }
        if (notice.leftRoom() != null) {
            connection.forget(notice.leftRoom());
            if (connection.stopFollowing(notice.leftRoom())) {
                bus.unfollow(List.of(notice.leftRoom()));
            }
        }
    }
}
