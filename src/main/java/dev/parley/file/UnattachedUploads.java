package dev.parley.file;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Uploads no message took: a client that uploaded and never sent (a closed tab, a file removed from the next
 * message, a script filling the disk). After an hour they are deleted, rows and bytes, every ten minutes.
 * A file a message is claiming is never among them: the claim and the message are one transaction, and a claimed
 * file has its {@code client_id}.
 */
@ApplicationScoped
public class UnattachedUploads {

    static final Duration KEPT_FOR = Duration.ofHours(1);
    static final long EVERY_MINUTES = 10;
    private static final Logger LOG = Logger.getLogger(UnattachedUploads.class.getName());

    @Inject
    FileRecords records;

    @Inject
    Files files;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private ScheduledFuture<?> purges;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        purges = scheduler.scheduleWithFixedDelay(this::purge, EVERY_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
    }

    /** Deletes the uploads older than {@link #KEPT_FOR} that no message took; answers how many. */
    int purge() {
        try {
            List<String> keys = records.removeUnattachedBefore(clock.instant().minus(KEPT_FOR));
            keys.forEach(files::forget);
            if (!keys.isEmpty()) {
                LOG.info("Deleted " + keys.size() + " uploads that no message took within " + KEPT_FOR.toMinutes()
                        + " minutes");
            }
            return keys.size();
        } catch (RuntimeException failed) {
            // A scheduled task that throws is never run again.
            LOG.log(Level.WARNING, "Deleting old unattached uploads failed", failed);
            return 0;
        }
    }

    @PreDestroy
    void stop() {
        if (purges != null) {
            purges.cancel(false);
        }
    }
}
