package dev.parley.realtime;

import dev.parley.account.AccessTokens;
import dev.parley.account.SharedSignIns;
import dev.parley.account.SignIn;
import dev.parley.account.SignInEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Closes sockets whose sign-in has ended with no event to say so here; every few seconds, one pass over this
 * node's connections:
 * <ul>
 * <li>Session sign-ins idle past their timeout. The container never expires such a session by itself (an open
 * WebSocket counts as a request in progress), so without this a forgotten tab would keep its sign-in forever. Idle
 * means no HTTP request and no {@code send} or {@code typing} from any of its sockets, on any node: pings and read
 * markers come from an open tab by themselves. Each node notes its own use in the shared sign-in
 * ({@link SharedSignIns}), so a sign-in busy on one node is not idle on another. Ending it closes its sockets
 * everywhere ("Session expired") and invalidates the session here.</li>
 * <li>Session sign-ins ended elsewhere whose notice this node missed (the bus was down, say): read from the
 * database, closed with the reason they ended for.</li>
 * <li>Personal access tokens that expired (one query for all of them). A revoked token's sockets close at once,
 * over the bus; this also catches a revocation whose notice this node missed.</li>
 * </ul>
 */
@ApplicationScoped
class EndedSignIns {

    static final long CHECK_EVERY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(EndedSignIns.class.getName());

    @Inject
    Connections connections;

    @Inject
    RealtimeThreads threads;

    @Inject
    SignIn signIns;

    @Inject
    SharedSignIns shared;

    @Inject
    AccessTokens tokens;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        threads.idleTimers().scheduleWithFixedDelay(this::closeEnded, CHECK_EVERY_SECONDS, CHECK_EVERY_SECONDS,
                TimeUnit.SECONDS);
    }

    void closeEnded() {
        try {
            shared.writeUses();
            long now = System.currentTimeMillis();
            Map<String, List<Connection>> bySignIn = connections.all().stream()
                    .filter(connection -> connection.signInId != null)
                    .collect(Collectors.groupingBy(connection -> connection.signInId));
            Set<String> endedTokens = tokens.ended(bySignIn.keySet());
            Map<String, SharedSignIns.State> sessions = shared.states(bySignIn.keySet().stream()
                    .filter(signInId -> !AccessTokens.isTokenSignIn(signInId)).toList());
            bySignIn.forEach((signInId, open) -> {
                if (endedTokens.contains(signInId)) {
                    open.forEach(connection -> connection.close(Connections.TOKEN_ENDED));
                } else if (open.get(0).httpSession != null) {
                    check(sessions.get(signInId), open, now);
                }
            });
        } catch (RuntimeException unexpected) {
            // A scheduled task that throws is never run again.
            LOG.log(Level.WARNING, "Checking for ended sign-ins failed", unexpected);
        }
    }

    private void check(SharedSignIns.State state, List<Connection> open, long now) {
        if (state == null || state.endedWhy() != null) {
            CloseReason reason = Connections.reasonFor(state == null ? SignInEnded.Why.SIGNED_OUT : state.endedWhy());
            open.forEach(connection -> connection.close(reason));
            return;
        }
        HttpSession session = open.get(0).httpSession;
        try {
            long usedHere = Math.max(session.getLastAccessedTime(),
                    open.stream().mapToLong(Connection::lastActiveMillis).max().orElse(0));
            if (usedHere - state.lastUsedMillis() > shared.usePrecision().toMillis()) {
                shared.noteUse(open.get(0).signInId, usedHere);
            } else if (shared.isIdle(Math.max(usedHere, state.lastUsedMillis()), now)) {
                signIns.expire(session);
            }
        } catch (IllegalStateException alreadyEnded) {
            // The session ended without this node's listener closing these (it cannot, normally): close them now.
            open.forEach(connection -> connection.close(Connections.EXPIRED));
        }
    }
}
