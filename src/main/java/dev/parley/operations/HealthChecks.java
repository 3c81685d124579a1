package dev.parley.operations;

import dev.parley.message.MessageWriter;
import dev.parley.platform.Database;
import dev.parley.platform.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready: this node can take people now, its database and Redis answer and its message writer is working; a load
 * balancer sends nobody to a node that is not. Live: the node is not wedged; only a writer stuck for a minute says
 * so (a database outage is not a reason to restart a node, so it makes the node unready, not dead).
 */
@ApplicationScoped
public class HealthChecks {

    static final long WRITER_BUSY_READY_MILLIS = 15_000;
    static final long WRITER_STUCK_LIVE_MILLIS = 60_000;

    @Inject
    Database database;

    @Inject
    Redis redis;

    @Inject
    MessageWriter writer;

    @Produces
    @Readiness
    HealthCheck databaseReachable() {
        return () -> HealthCheckResponse.named("database").status(database.isReachable()).build();
    }

    @Produces
    @Readiness
    HealthCheck redisReachable() {
        return () -> HealthCheckResponse.named("redis").status(redis.isReachable())
                .withData("configured", redis.configured()).build();
    }

    @Produces
    @Readiness
    HealthCheck writerWorking() {
        return () -> HealthCheckResponse.named("message-writer").status(writer.isWorking(WRITER_BUSY_READY_MILLIS))
                .withData("queued", writer.queueDepth()).build();
    }

    @Produces
    @Liveness
    HealthCheck writerNotStuck() {
        return () -> HealthCheckResponse.named("message-writer").status(writer.isWorking(WRITER_STUCK_LIVE_MILLIS))
                .build();
    }
}
