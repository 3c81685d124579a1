package dev.parley.realtime;

import dev.parley.presence.Presence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 2 seconds: tells the other nodes this one is alive ({@link Presence#heartbeat}) and announces the
 * presence changes that found, so that the people of a node killed without goodbye go offline for everyone within
 * 15 seconds. In one process there is nothing to announce.
 */
@ApplicationScoped
class PresenceHeartbeat {

    static final int EVERY_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(PresenceHeartbeat.class.getName());

    @Inject
    Presence presence;

    @Inject
    Bus bus;

    @Inject
    RealtimeThreads threads;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        threads.heartbeats().scheduleWithFixedDelay(this::beat, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void beat() {
        try {
            Presence.Changes changes = presence.heartbeat();
            changes.offline().forEach(user -> bus.publish(new BusEvent.PresenceEvent(user, false)));
            changes.online().forEach(user -> bus.publish(new BusEvent.PresenceEvent(user, true)));
        } catch (RuntimeException redisDown) {
            // A scheduled task that throws is never run again; the next beat tries again.
            LOG.log(Level.WARNING, "Presence heartbeat failed; trying again in " + EVERY_SECONDS + " s", redisDown);
        }
    }
}
