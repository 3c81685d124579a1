package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.TestServices;
import dev.parley.message.MessagePosted;
import dev.parley.message.MessageView;
import dev.parley.platform.Redis;
import dev.parley.platform.RedisLink;
import dev.parley.testing.TestRedisCluster;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis bus on a real Redis, without Parley around it: what a node does when its delivery thread falls
 * further behind than the bound (under overload; here the thread is held on purpose).
 */
class RedisBusIT {

    private static final int BOUND = 10;

    private final RedisClient client = RedisClient.create(TestServices.REDIS_URL);
    private final ExecutorService delivery = Executors.newSingleThreadExecutor();
    private final CountDownLatch stuck = new CountDownLatch(1);
    private final List<BusEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private RedisBus bus;

    @AfterEach
    void close() {
        stuck.countDown();
        if (bus != null) {
            bus.close();
        }
        delivery.shutdownNow();
        client.shutdown();
    }

    @Test
    void aNodeTooFarBehindDropsEventsThenSaysSoOnceInOrderAndCarriesOn() throws Exception {
        delivery.execute(() -> awaitQuietly(stuck));
        bus = new RedisBus(RedisLink.of(client.connect()), client.connectPubSub(), delivery, room -> List.of(), BOUND);
        bus.subscribe(delivered::add);
        // Only this test's events count: other nodes' may share the channel on a shared Redis.
        String prefix = "redis-bus-it-" + System.nanoTime() + "-";
        IntStream.rangeClosed(1, 30).forEach(i -> bus.publish(new BusEvent.PresenceEvent(prefix + i, true)));

        waitUntil(() -> bus.dropped() >= 20, "the events past the bound are dropped, not queued");
        stuck.countDown();
        waitUntil(() -> mine(prefix).size() >= BOUND + 1, "the queued events and then the notice are delivered");
        bus.publish(new BusEvent.PresenceEvent(prefix + "after", false));
        waitUntil(() -> mine(prefix).size() >= BOUND + 2, "after the notice, events flow again");

        List<BusEvent> seen = mine(prefix);
        List<BusEvent> expected = new ArrayList<>();
        IntStream.rangeClosed(1, BOUND).forEach(i -> expected.add(new BusEvent.PresenceEvent(prefix + i, true)));
        assertEquals(expected, seen.subList(0, BOUND), "the first ten, in order");
        assertTrue(seen.get(BOUND) instanceof BusEvent.Missed missed && missed.dropped() >= 20,
                "then one notice of what was dropped: " + seen.get(BOUND));
        assertEquals(new BusEvent.PresenceEvent(prefix + "after", false), seen.get(BOUND + 1));
        assertEquals(BOUND + 2, seen.size(), "nothing of the dropped ones afterwards");
    }

    @Test
    void aNodeHearsOnlyTheRoomsItsConnectionsFollowWithTheirMembersFromItsOwnDatabase() throws Exception {
        String room = "room-" + System.nanoTime();
        List<String> members = List.of("ann", "bob");
        ExecutorService otherDelivery = Executors.newSingleThreadExecutor();
        List<BusEvent> heardThere = Collections.synchronizedList(new ArrayList<>());
        bus = new RedisBus(RedisLink.of(client.connect()), client.connectPubSub(), delivery,
                asked -> asked.equals(room) ? members : List.of());
        RedisBus there = new RedisBus(RedisLink.of(client.connect()), client.connectPubSub(), otherDelivery,
                asked -> List.of());
        try {
            bus.subscribe(delivered::add);
            there.subscribe(heardThere::add);
            bus.follow(List.of(room));
            bus.follow(List.of(room)); // a second connection here: still one subscription
            assertEquals(1, bus.roomsFollowed());

            MessageView first = new MessageView(7, room, "ann", "hello", "2026-12-06T17:00:00Z", "c-7");
            there.publish(new BusEvent.MessageEvent(new MessagePosted(first, 0, members)));
            String marker = "marker-" + System.nanoTime();
            there.publish(new BusEvent.PresenceEvent(marker, true));
            waitUntil(() -> heardThere.contains(new BusEvent.PresenceEvent(marker, true)), "every node hears presence");
            waitUntil(() -> delivered.contains(new BusEvent.MessageEvent(new MessagePosted(first, 0, members))),
                    "the node following the room hears its message, members and all");
            assertTrue(heardThere.stream().noneMatch(event -> event instanceof BusEvent.MessageEvent),
                    "the node following no room hears no message");

            bus.unfollow(List.of(room));
            assertEquals(1, bus.roomsFollowed(), "the other connection still follows it");
            bus.unfollow(List.of(room));
            assertEquals(0, bus.roomsFollowed());
            MessageView second = new MessageView(8, room, "bob", "anyone?", "2026-12-06T17:00:01Z", "c-8");
            there.publish(new BusEvent.MessageEvent(new MessagePosted(second, 7, members)));
            String after = "after-" + System.nanoTime();
            bus.publish(new BusEvent.PresenceEvent(after, true));
            waitUntil(() -> delivered.contains(new BusEvent.PresenceEvent(after, true)), "presence still arrives");
            assertEquals(1, delivered.stream().filter(event -> event instanceof BusEvent.MessageEvent).count(),
                    "nothing of the room once nobody here follows it");
        } finally {
            there.close();
            otherDelivery.shutdownNow();
        }
    }

    /**
     * On a Redis Cluster, rooms' channels live on different masters; when one master stops and starts again, the
     * node must hear every room it follows there again, not only the first (Lettuce alone resubscribes them all in
     * one command, which a cluster refuses).
     */
    @Test
    void onARedisClusterEveryRoomOfARestartedMasterIsHeardAgain() throws Exception {
        try (TestRedisCluster cluster = TestRedisCluster.start("redis-bus")) {
            ClientResources resources = Redis.newResources();
            RedisClusterClient clusterClient = RedisClusterClient.create(resources,
                    cluster.nodeUrls().stream().map(RedisURI::create).toList());
            ExecutorService otherDelivery = Executors.newSingleThreadExecutor();
            RedisBus there = null;
            try {
                List<String> members = List.of("ann", "bob");
                bus = new RedisBus(RedisLink.of(clusterClient.connect()), clusterClient.connectPubSub(), delivery,
                        asked -> members);
                Redis.whenConnected(resources, bus::resubscribe);
                there = new RedisBus(RedisLink.of(clusterClient.connect()), clusterClient.connectPubSub(),
                        otherDelivery, asked -> members);
                bus.subscribe(delivered::add);
                // Rooms until three of them live on the first master (and others elsewhere).
                List<String> rooms = new ArrayList<>();
                int onFirst = 0;
                for (int i = 0; onFirst < 3 || rooms.size() < 9; i++) {
                    String room = "cluster-room-" + i + "-" + System.nanoTime();
                    if (cluster.masterIndexOwning(RedisBus.channelOf(room)) == 0) {
                        onFirst++;
                    }
                    rooms.add(room);
                }
                bus.follow(rooms);

                cluster.stopMaster(0);
                Thread.sleep(5_000);
                cluster.startMasterAgain(0);
                Thread.sleep(2_000); // Lettuce reconnects within a second (Redis.newResources)

                long id = 1;
                for (String room : rooms) {
                    there.publish(new BusEvent.MessageEvent(new MessagePosted(
                            new MessageView(id++, room, "ann", "after the restart", "2026-12-06T17:00:00Z", "c"), 0,
                            members)));
                }
                waitUntil(() -> delivered.stream().filter(event -> event instanceof BusEvent.MessageEvent).count()
                        >= rooms.size(), "a message in each of the " + rooms.size() + " rooms arrives");
            } finally {
                if (there != null) {
                    there.close();
                }
                otherDelivery.shutdownNow();
                clusterClient.shutdown();
                resources.shutdown();
            }
        }
    }

    private List<BusEvent> mine(String prefix) {
        synchronized (delivered) {
            return delivered.stream().filter(event -> event instanceof BusEvent.Missed
                    || event instanceof BusEvent.PresenceEvent presence && presence.user().startsWith(prefix)).toList();
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
