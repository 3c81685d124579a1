package dev.parley.realtime;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a WebSocket session's idle timer off Payara's managed scheduler. Tyrus re-arms that timer for every frame
 * sent or received, whatever the idle timeout, by scheduling a task on the container's managed scheduled
 * executor; each schedule captures the calling thread's context, and the capture runs a ServiceLoader search
 * through the context class loader: every jar of the WAR and of Payara. JFR showed it as most of the CPU of
 * receiving a frame and of sending one (hundreds of microseconds each, docs/performance.md). On
 * a plain scheduler the same re-arm is a queue insert. The idle timeout still works: it closes the session from
 * the plain scheduler's thread.
 *
 * <p>Tyrus keeps the scheduler in a private field of its session, so this depends on Tyrus's internals. If a
 * later Tyrus has no such field, sessions keep the container's scheduler and only speed suffers; that is logged
 * once. The first redirect that works is logged once too ({@link #REDIRECTED}): RunCommandIT reads that line from
 * the run command's log, so an upgrade that silently stops the redirect fails a test.
 */
final class IdleTimerRedirect {

    private static final Logger LOG = Logger.getLogger(IdleTimerRedirect.class.getName());
    private static final String TYRUS_SESSION = "org.glassfish.tyrus.core.TyrusSession";
    static final String REDIRECTED = "WebSocket idle timers run on Parley's own scheduler";
    private static volatile boolean unavailable;
    private static volatile boolean announced;

    static void redirect(Session session, ScheduledExecutorService plainScheduler) {
        if (unavailable) {
            return;
        }
        try {
            Field scheduler = schedulerField(session.getClass());
            scheduler.setAccessible(true);
            scheduler.set(session, plainScheduler);
            if (!announced) {
                announced = true;
                LOG.info(REDIRECTED);
            }
        } catch (ReflectiveOperationException | RuntimeException notThisTyrus) {
            unavailable = true;
            LOG.log(Level.INFO, "WebSocket idle timers stay on the container's scheduler (slower per frame): "
                    + notThisTyrus);
        }
    }

    private static Field schedulerField(Class<?> type) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(TYRUS_SESSION)) {
                Field field = c.getDeclaredField("service");
                if (!ScheduledExecutorService.class.isAssignableFrom(field.getType())) {
                    throw new NoSuchFieldException("service is a " + field.getType());
                }
                return field;
            }
        }
        throw new NoSuchFieldException("the session is a " + type.getName() + ", not a Tyrus session");
    }

    private IdleTimerRedirect() {
    }
}
