package dev.parley.realtime;

import dev.parley.account.SignInEnded;
import dev.parley.platform.ParleyConfig;
import dev.parley.presence.Presence;
import dev.parley.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections of this node, by user, and the presence changes their opening and closing make. */
@ApplicationScoped
class Connections {

    @Inject
    Presence presence;

    @Inject
    Bus bus;

    @Inject
    RoomService rooms;

    @Inject
    ParleyConfig config;

    static final CloseReason SIGNED_OUT = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "Signed out");
    static final CloseReason EXPIRED = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "Session expired");
    static final CloseReason SIGNED_IN_AGAIN =
            new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "Signed in again");

    static final CloseReason ACCOUNT_DISABLED = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
            "Account disabled");

    static final CloseReason TOKEN_ENDED = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
            "Token revoked or expired");

    static final CloseReason TOO_MANY = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
            "Too many connections");

    private final ConcurrentHashMap<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    /** Connections admitted per user on this node, counted before they are registered so the cap is exact. */
    private final ConcurrentHashMap<String, Integer> admitted = new ConcurrentHashMap<>();

    /**
     * Admits the connection unless its user already has {@code parley.ws.max-connections-per-user} open on this
     * node (then it is closed, 1008, and the answer is false). Makes the bus bring its rooms' messages here, counts
     * it for presence, then says {@code ready}, then lets frames reach it. In that order a client that has seen
     * {@code ready} is counted, so closing another tab right after cannot flip the user offline, whatever it
     * resumes from the database is followed live from there, and {@code ready} is the first frame it gets.
     */
    boolean opened(Connection connection) {
        boolean[] room = {false};
        admitted.compute(connection.user, (user, open) -> {
            int count = open == null ? 0 : open;
            if (count >= config.maxConnectionsPerUser()) {
                return open;
            }
            room[0] = true;
            return count + 1;
        });
        if (!room[0]) {
            connection.close(TOO_MANY);
            return false;
        }
        connection.admitted = true;
        Map<String, Long> newest = rooms.lastMessageIds(connection.user);
        bus.follow(connection.startFollowing(newest.keySet()));
        boolean cameOnline = presence.connected(connection.user);
        connection.send(new ServerFrame.Ready(connection.user));
        byUser.compute(connection.user, (user, open) -> {
            Set<Connection> connections = open == null ? ConcurrentHashMap.newKeySet() : open;
            connections.add(connection);
            return connections;
        });
        connection.startAt(newest);
        if (cameOnline) {
            bus.publish(new BusEvent.PresenceEvent(connection.user, true));
        }
        return true;
    }

    void closed(Connection connection) {
        if (!connection.admitted) {
            return;
        }
        connection.admitted = false;
        bus.unfollow(connection.stopFollowingAll());
        admitted.computeIfPresent(connection.user, (user, open) -> open <= 1 ? null : open - 1);
        boolean[] removed = {false};
        byUser.computeIfPresent(connection.user, (user, open) -> {
            removed[0] = open.remove(connection);
            return open.isEmpty() ? null : open;
        });
        if (removed[0] && presence.disconnected(connection.user)) {
            bus.publish(new BusEvent.PresenceEvent(connection.user, false));
        }
    }

    Set<Connection> of(String user) {
        return byUser.getOrDefault(user, Set.of());
    }

    /** Open connections on this node. */
    int count() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    List<Connection> all() {
        return byUser.values().stream().flatMap(Set::stream).toList();
    }

    static CloseReason reasonFor(SignInEnded.Why why) {
        return switch (why) {
            case SIGNED_OUT -> SIGNED_OUT;
            case EXPIRED -> EXPIRED;
            case SIGNED_IN_AGAIN -> SIGNED_IN_AGAIN;
            case DISABLED -> ACCOUNT_DISABLED;
            case PASSWORD_CHANGED -> SIGNED_OUT;
        };
    }

    /**
     * A sign-in ended: its connections on this node close, each with a close code the client takes as "ask
     * whether you are still signed in" (docs/protocol.md, close codes).
     */
    void signInEnded(@Observes SignInEnded ended) {
        CloseReason reason = reasonFor(ended.why());
        for (Connection connection : of(ended.username())) {
            if (ended.signInId().equals(connection.signInId)) {
                connection.close(reason);
            }
        }
    }
}
