package dev.parley.realtime;

import dev.parley.account.AccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes sockets opened with a personal access token once the token stops working. Revoking one closes its
 * sockets at once over the bus; expiry has no event, so this looks every few seconds (one query for all of this
 * node's token sockets).
 */
@ApplicationScoped
class TokenSockets {

    static final long CHECK_EVERY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(TokenSockets.class.getName());

    @Inject
    Connections connections;

    @Inject
    RealtimeThreads threads;

    @Inject
    AccessTokens tokens;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        threads.idleTimers().scheduleWithFixedDelay(this::closeEnded, CHECK_EVERY_SECONDS, CHECK_EVERY_SECONDS,
                TimeUnit.SECONDS);
    }

    void closeEnded() {
        try {
            List<Connection> open = connections.all().stream()
                    .filter(connection -> connection.signInId != null && connection.signInId.startsWith("token:"))
                    .toList();
            if (open.isEmpty()) {
                return;
            }
            Set<String> ended = tokens.ended(open.stream().map(connection -> connection.signInId).toList());
            open.stream().filter(connection -> ended.contains(connection.signInId))
                    .forEach(connection -> connection.close(Connections.TOKEN_ENDED));
        } catch (RuntimeException unexpected) {
            // A scheduled task that throws is never run again.
            LOG.log(Level.WARNING, "Checking token sockets failed", unexpected);
        }
    }
}
