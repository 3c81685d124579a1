package dev.parley.realtime;

import dev.parley.message.MessagePosted;
import dev.parley.platform.RedisLink;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The multi-node bus: Redis sharded pub/sub ({@code SPUBLISH}/{@code SSUBSCRIBE}), on a single Redis or a Redis
 * Cluster alike. Messages go on their room's channel, and a node subscribes only to the rooms its connections
 * follow ({@link RoomInterest}), so the traffic a node receives grows with the rooms it serves, not with all the
 * chat there is; on a cluster, rooms' channels spread over the masters. Everything else (presence, notices,
 * shut-outs; few and small) goes on one channel every node hears. A node hears its own publications too, so there
 * is one delivery path whatever node a message was posted on. Lettuce calls the listener on its I/O thread, which
 * must not block; events are handed to one ordered thread of this node, which also resolves each message's
 * members ({@link RoomMembers}).
 */
class RedisBus implements Bus {

    static final String EVENTS = "parley:events";
    static final String ROOM_PREFIX = "parley:room:";
    /** How long following a room may wait for Redis to confirm the subscription. */
    static final long SUBSCRIBE_WAIT_SECONDS = 5;
    /**
     * Events received and not yet delivered, at most: tens of seconds of the heaviest fan-out measured, and tens of
     * MB of heap with 100-member rooms. Unbounded, the backlog grows for as long as a node stays overloaded.
     */
    static final int MAX_BACKLOG = 20_000;
    static final int PUBLISH_ATTEMPTS = 5;
    static final long RETRY_PAUSE_MILLIS = 200;
    private static final Logger LOG = Logger.getLogger(RedisBus.class.getName());

    private final RedisLink publisher;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final ExecutorService delivery;
    private final RoomInterest interest = new RoomInterest();
    /** Touched by the delivery thread only. */
    private final RoomMembers members;
    private final int maxBacklog;
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    /** Set from the first dropped event until the subscriber has been told; meanwhile everything is dropped. */
    private volatile boolean missing;
    private volatile Consumer<BusEvent> subscriber = event -> { };
    /** How long the latest delivered event waited between arriving from Redis and its delivery. */
    private volatile long lagNanos;

    RedisBus(RedisLink publisher, StatefulRedisPubSubConnection<String, String> subscription,
            ExecutorService delivery, Function<String, List<String>> membersOf) {
        this(publisher, subscription, delivery, membersOf, MAX_BACKLOG);
    }

    RedisBus(RedisLink publisher, StatefulRedisPubSubConnection<String, String> subscription,
            ExecutorService delivery, Function<String, List<String>> membersOf, int maxBacklog) {
        this.delivery = delivery;
        this.maxBacklog = maxBacklog;
        this.members = new RoomMembers(membersOf);
        this.publisher = publisher;
        this.subscription = subscription;
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void smessage(String channel, String payload) {
                received(payload);
            }
        });
        subscription.sync().ssubscribe(EVENTS);
    }

    static String channelOf(String room) {
        // The braces make the room id the part a Redis Cluster hashes: each room's channel has a slot of its own.
        return ROOM_PREFIX + "{" + room + "}";
    }

    /**
     * Subscribes to the rooms no connection here followed before, and waits until Redis confirms, so that what is
     * posted in them from now on reaches this node: a connection follows its rooms before it is told
     * {@code ready}, and its {@code resume} reads from the database what came before. Subscriptions and
     * unsubscriptions go out in the order the interest changed.
     */
    @Override
    public void follow(Collection<String> rooms) {
        List<RedisFuture<Void>> subscribed;
        synchronized (interest) {
            subscribed = subscribe(interest.follow(rooms));
        }
        await(subscribed, "Subscribing to rooms");
    }

    /** Unsubscribes from the rooms no connection here follows any more, and waits until Redis confirms. */
    @Override
    public void unfollow(Collection<String> rooms) {
        List<RedisFuture<Void>> unsubscribed;
        synchronized (interest) {
            unsubscribed = interest.unfollow(rooms).stream()
                    .map(room -> subscription.async().sunsubscribe(channelOf(room))).toList();
        }
        await(unsubscribed, "Unsubscribing from rooms");
    }

    private static void await(List<RedisFuture<Void>> commands, String what) {
        try {
            for (RedisFuture<Void> each : commands) {
                each.get(SUBSCRIBE_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException failed) {
            // Lettuce subscribes again when it reconnects; a message missed meanwhile is a gap its connections
            // fill from the database (and one heard after leaving goes to nobody: the members decide).
            LOG.log(Level.WARNING, () -> what + " on the Redis bus failed: " + failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One command per channel: a Redis Cluster refuses an {@code SSUBSCRIBE} naming channels of different slots
     * ({@code CROSSSLOT}). Pipelined, so a connection with many rooms costs one round trip all the same.
     */
    private List<RedisFuture<Void>> subscribe(List<String> rooms) {
        return rooms.stream().map(room -> subscription.async().ssubscribe(channelOf(room))).toList();
    }

    /**
     * Subscribes again to every channel this node follows, after Lettuce reconnected to a Redis node. Lettuce does
     * that itself, but on a cluster it resubscribes all of a master's channels in one command, which the master
     * refuses (CROSSSLOT, lettuce issue 3213): without this, a master's rooms fell silent for good after it
     * restarted. Subscribing to a channel twice is harmless.
     */
    void resubscribe() {
        synchronized (interest) {
            subscription.async().ssubscribe(EVENTS);
            subscribe(interest.rooms());
        }
    }

    /** Rooms whose channel this node is subscribed to. */
    int roomsFollowed() {
        return interest.rooms().size();
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
            subscriber.accept(BusCodec.isMessage(payload) ? withMembers(BusCodec.decodeMessage(payload))
                    : BusCodec.decode(payload));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not deliver a bus event", e);
        }
    }

    private BusEvent withMembers(BusCodec.WireMessage wire) {
        return new BusEvent.MessageEvent(new MessagePosted(wire.message(), wire.previousId(),
                members.of(wire.message().room(), wire.membersHash())));
    }

    @Override
    public void publish(BusEvent event) {
        String channel = event instanceof BusEvent.MessageEvent posted
                ? channelOf(posted.posted().message().room()) : EVENTS;
        publish(channel, BusCodec.encode(event), 1);
    }

    /**
     * A publish Redis did not take is logged and tried again, a few times with growing pauses. If it never gets
     * through, no message is lost: every connection that misses one notices the gap and reads it from the database.
     */
    private void publish(String channel, String payload, int attempt) {
        publisher.async().spublish(channel, payload).whenComplete((receivers, failure) -> {
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
                    .execute(() -> publish(channel, payload, attempt + 1));
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
