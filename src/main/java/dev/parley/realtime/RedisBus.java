package dev.parley.realtime;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    /**
     * Events received and not yet delivered, at most: tens of seconds of the heaviest fan-out measured, and tens of
     * MB of heap with 100-member rooms. Unbounded, the backlog grows for as long as a node stays overloaded.
     */
    static final int MAX_BACKLOG = 20_000;
    static final int PUBLISH_ATTEMPTS = 5;
    static final long RETRY_PAUSE_MILLIS = 200;
    private static final Logger LOG = Logger.getLogger(RedisBus.class.getName());

    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final ExecutorService delivery;
    private final int maxBacklog;
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    /** Set from the first dropped event until the subscriber has been told; meanwhile everything is dropped. */
    private volatile boolean missing;
    private volatile Consumer<BusEvent> subscriber = event -> { };
    /** How long the latest delivered event waited between arriving from Redis and its delivery. */
    private volatile long lagNanos;

    RedisBus(RedisClient client, ExecutorService delivery) {
        this(client, delivery, MAX_BACKLOG);
    }

    RedisBus(RedisClient client, ExecutorService delivery, int maxBacklog) {
        this.delivery = delivery;
        this.maxBacklog = maxBacklog;
        this.publisher = client.connect();
        this.subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String payload) {
                received(payload);
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    /**
     * On Lettuce's I/O thread (one per subscription), which must not wait. When delivery falls more than the
     * bound behind, events are dropped instead of queued without end, until the delivery thread has worked
     * through what it holds and tells the subscriber ({@link BusEvent.Missed}); connections then start over from
     * the database, where every message is, so nothing acked is lost to them.
     */
    private void received(String payload) {
        if (missing) {
            dropped.incrementAndGet();
            return;
        }
        if (backlog.incrementAndGet() > maxBacklog) {
            backlog.decrementAndGet();
            dropped.incrementAndGet();
            missing = true;
            delivery.execute(this::tellMissed);
            return;
        }
        long arrived = System.nanoTime();
        delivery.execute(() -> {
            backlog.decrementAndGet();
            lagNanos = System.nanoTime() - arrived;
            deliver(payload);
        });
    }

    /**
     * Receiving resumes first: what arrives from now on is delivered after this, to the connections that
     * open again.
     */
    private void tellMissed() {
        missing = false;
        long count = dropped.get();
        LOG.log(Level.WARNING, () -> "This node fell " + maxBacklog + " events behind the Redis bus and dropped "
                + count + " so far; its connections start over from the database");
        try {
            subscriber.accept(new BusEvent.Missed(count));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the subscriber about missed bus events", e);
        }
    }

    @Override
    public int backlog() {
        return backlog.get();
    }

    /** From its arrival from Redis. */
    @Override
    public double lagMillis() {
        return lagNanos / 1e6;
    }

    /** Events dropped since this bus started. */
    long dropped() {
        return dropped.get();
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
        publish(BusCodec.encode(event), 1);
    }

    /**
     * A publish Redis did not take is logged and tried again, a few times with growing pauses. If it never gets
     * through, no message is lost: every connection that misses one notices the gap and reads it from the database.
     */
    private void publish(String payload, int attempt) {
        publisher.async().publish(CHANNEL, payload).whenComplete((receivers, failure) -> {
            if (failure == null) {
                return;
            }
            if (attempt >= PUBLISH_ATTEMPTS) {
                LOG.log(Level.SEVERE, "Gave up publishing an event on the Redis bus after " + attempt
                        + " attempts; connections catch up from the database", failure);
                return;
            }
            LOG.log(Level.WARNING, () -> "Publishing on the Redis bus failed (attempt " + attempt + "): " + failure
                    + "; trying again");
            CompletableFuture.delayedExecutor(RETRY_PAUSE_MILLIS << (attempt - 1), TimeUnit.MILLISECONDS)
                    .execute(() -> publish(payload, attempt + 1));
        });
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
