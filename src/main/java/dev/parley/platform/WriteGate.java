package dev.parley.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * On SQLite, lets only a few HTTP requests at a time into a write transaction. SQLite has one writer at a time;
 * each request waiting for its lock holds a pooled connection, and with enough of them (a script reacting in a
 * loop, measured at 80 reactions/s beside a busy room) the pool ran dry and the message writer, which needs one
 * for every batch, stopped. Kept out here, they wait without a connection, and beyond a short wait they are
 * refused ({@code rate_limited}) rather than queued without bound. PostgreSQL needs no gate.
 */
@ApplicationScoped
public class WriteGate {

    /** Requests inside write transactions at once; the pool holds 16 connections. */
    static final int WRITERS = 2;
    static final long WAIT_MILLIS = 3_000;

    private final Semaphore permits = new Semaphore(WRITERS, true);
    private boolean gated;

    @PostConstruct
    void chooseByDatabase() {
        gated = DatabaseSettings.fromConfig().isSqlite();
    }

    /** Runs {@code write} (a transactional call) once the gate lets it in. */
    public <T> T through(Supplier<T> write) {
        if (!gated) {
            return write.get();
        }
        try {
            if (!permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new ParleyException(ErrorCode.RATE_LIMITED, "Parley is busy; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParleyException(ErrorCode.INTERNAL, "Interrupted while waiting to write");
        }
        try {
            return write.get();
        } finally {
            permits.release();
        }
    }
}
