package dev.parley.realtime;

import dev.parley.platform.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Chooses the bus: in-process by default, Redis pub/sub when {@code parley.redis.url} is set. */
@ApplicationScoped
class BusProducer {

    @Inject
    Redis redis;

    @Inject
    RealtimeThreads threads;

    @Produces
    @ApplicationScoped
    Bus bus() {
        if (redis.configured()) {
            return new RedisBus(redis.client(), threads.busDelivery());
        }
        return new LocalBus();
    }

    void close(@Disposes Bus bus) {
        if (bus instanceof RedisBus shared) {
            shared.close();
        }
    }
}
