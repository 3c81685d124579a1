package dev.parley.realtime;

import dev.parley.message.MessageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads from the database the messages a connection has not been sent: after a {@code resume}, and when a
 * message's predecessor did not arrive in time (it overtook it, or the node that posted it died between
 * committing and publishing).
 */
@ApplicationScoped
class CatchUp {

    /** Long enough for a message that was merely overtaken to arrive; short enough that nobody notices. */
    static final long GAP_WAIT_MILLIS = 250;
    static final int PAGE = 500;
    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    @Inject
    MessageService messages;

    @Inject
    RealtimeThreads threads;

    void gapNoticed(Connection connection, String room) {
        try {
            threads.flushing().schedule(() -> threads.catchingUp().execute(() -> fillGap(connection, room)),
                    GAP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // The application is stopping; the client resumes on its next connection.
        }
    }

    /**
     * Reads what is missing and hands it over. Messages still waiting after that overtook a predecessor committed
     * after the read; it is on its way, so the gap is checked again later rather than skipped.
     */
    private void fillGap(Connection connection, String room) {
        try {
            OptionalLong after = connection.missingAfter(room);
            while (after.isPresent()) {
                List<Delivery> page = page(room, after.getAsLong());
                connection.fill(room, page);
                if (page.size() < PAGE) {
                    break;
                }
                after = connection.missingAfter(room);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not catch a connection up in room " + room, e);
        }
        connection.catchUpDone(room);
    }

    /** Replays a room from {@code afterId} to its newest message. */
    void replay(Connection connection, String room, long afterId) {
        long after = afterId;
        List<Delivery> page;
        do {
            connection.awaitOutboxBelow(Outbox.MAX_QUEUED / 2);
            page = page(room, after);
            connection.replay(room, page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).id();
            }
        } while (page.size() == PAGE);
    }

    private List<Delivery> page(String room, long afterId) {
        return messages.after(room, afterId, PAGE).stream().map(Delivery::of).toList();
    }
}
