package dev.parley.realtime;

import dev.parley.platform.Redis;
import dev.parley.room.RoomService;
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

    @Inject
    RoomService rooms;

    @Produces
    @ApplicationScoped
    Bus bus() {
        if (redis.configured()) {
            LOG.info(() -> "Fan-out over Redis sharded pub/sub (parley.redis.url" + (redis.cluster()
                    ? ", a Redis Cluster" : "") + "): messages reach every node serving their room");
            RedisBus bus = new RedisBus(redis.connect(), redis.connectPubSub(), threads.busDelivery(),
                    rooms::memberNames);
            if (redis.cluster()) {
                redis.onConnected(bus::resubscribe);
            }
            return bus;
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
