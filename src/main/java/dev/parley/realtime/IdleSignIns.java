package dev.parley.realtime;

import dev.parley.account.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Ends sign-ins that have been idle past their session's timeout while they still have sockets open. The
 * container never expires such a session by itself (an open WebSocket counts as a request in progress), so
 * without this a forgotten tab would keep its sign-in forever. Idle means no HTTP request and no {@code send}
 * or {@code typing} from any of its sockets: pings and read markers come from an open tab by themselves.
 * Ending it closes its sockets (reason "Session expired") and invalidates the session.
 */
@ApplicationScoped
class IdleSignIns {

    static final long CHECK_EVERY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(IdleSignIns.class.getName());

    @Inject
    Connections connections;

    @Inject
    RealtimeThreads threads;

    @Inject
    SignIn signIns;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        threads.idleTimers().scheduleWithFixedDelay(this::endIdleSignIns, CHECK_EVERY_SECONDS, CHECK_EVERY_SECONDS,
                TimeUnit.SECONDS);
    }

    void endIdleSignIns() {
        try {
            long now = System.currentTimeMillis();
            Map<String, List<Connection>> bySignIn = connections.all().stream()
                    .filter(connection -> connection.signInId != null && connection.httpSession != null)
                    .collect(Collectors.groupingBy(connection -> connection.signInId));
            bySignIn.values().forEach(open -> endIfIdle(open, now));
        } catch (RuntimeException unexpected) {
            // A scheduled task that throws is never run again.
            LOG.log(Level.WARNING, "Checking for idle sign-ins failed", unexpected);
        }
    }

    private void endIfIdle(List<Connection> open, long now) {
        HttpSession session = open.get(0).httpSession;
        try {
            long timeoutMillis = TimeUnit.SECONDS.toMillis(session.getMaxInactiveInterval());
            long lastActive = Math.max(session.getLastAccessedTime(),
                    open.stream().mapToLong(Connection::lastActiveMillis).max().orElse(0));
            if (timeoutMillis > 0 && now - lastActive > timeoutMillis) {
                signIns.expire(session);
            }
        } catch (IllegalStateException alreadyEnded) {
            // The session ended without this node's listener closing these (it cannot, normally): close them now.
            open.forEach(connection -> connection.close(Connections.EXPIRED));
        }
    }
}
