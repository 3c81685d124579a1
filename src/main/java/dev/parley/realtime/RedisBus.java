package dev.parley.realtime;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The multi-node bus: Redis pub/sub on one channel. A node hears its own publications too, so there is one
 * delivery path whatever node a message was posted on. Lettuce calls the listener on its I/O thread, which
 * must not block; events are handed to one ordered thread of this node.
 */
class RedisBus implements Bus {

    static final String CHANNEL = "parley:events";
    private static final Logger LOG = Logger.getLogger(RedisBus.class.getName());

    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final ExecutorService delivery;
    private volatile Consumer<BusEvent> subscriber = event -> { };

    RedisBus(RedisClient client, ExecutorService delivery) {
        this.delivery = delivery;
        this.publisher = client.connect();
        this.subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String payload) {
                delivery.execute(() -> deliver(payload));
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    private void deliver(String payload) {
        try {
            subscriber.accept(BusCodec.decode(payload));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not deliver a bus event", e);
        }
    }

    @Override
    public void publish(BusEvent event) {
        publisher.async().publish(CHANNEL, BusCodec.encode(event));
    }

    @Override
    public void subscribe(Consumer<BusEvent> subscriber) {
        this.subscriber = subscriber;
    }

    void close() {
        subscription.close();
        publisher.close();
    }
}
