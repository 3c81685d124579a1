package dev.parley.presence;

import dev.parley.platform.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.UUID;

/** Chooses where presence lives: in this process, or in Redis when Parley runs on several nodes. */
@ApplicationScoped
public class PresenceProducer {

    @Inject
    Redis redis;

    @Produces
    @ApplicationScoped
    Presence presence() {
        if (redis.configured()) {
            return new RedisPresence(redis.connect(), UUID.randomUUID().toString());
        }
        return new LocalPresence();
    }

    void close(@Disposes Presence presence) {
        if (presence instanceof RedisPresence shared) {
            shared.close();
        }
    }
}
