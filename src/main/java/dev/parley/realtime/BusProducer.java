package dev.parley.realtime;

import dev.parley.platform.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Chooses the bus: in-process by default, Redis pub/sub when {@code parley.redis.url} is set. */
@ApplicationScoped
class BusProducer {

    private static final Logger LOG = Logger.getLogger(BusProducer.class.getName());

    @Inject
    Redis redis;

    @Inject
    RealtimeThreads threads;

    @Produces
    @ApplicationScoped
    Bus bus() {
        if (redis.configured()) {
            LOG.info("Fan-out over Redis pub/sub (parley.redis.url): messages reach every node sharing it");
            return new RedisBus(redis.client(), threads.busDelivery());
        }
        LOG.info("Fan-out in this process (no parley.redis.url): one node");
        return new LocalBus();
    }

    void close(@Disposes Bus bus) {
        if (bus instanceof RedisBus shared) {
            shared.close();
        }
    }
}
