package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoomInterestTest {

    @Test
    void aRoomIsNewForItsFirstFollowerAndGoneAfterItsLast() {
        RoomInterest interest = new RoomInterest();
        assertEquals(List.of("a", "b"), interest.follow(List.of("a", "b")));
        assertEquals(List.of("c"), interest.follow(List.of("a", "c")));
        assertEquals(List.of("b"), interest.unfollow(List.of("a", "b")));
        assertTrue(interest.follows("a"));
        assertEquals(List.of("a", "c"), interest.unfollow(List.of("a", "c")));
        assertFalse(interest.follows("a"));
        assertEquals(List.of(), interest.unfollow(List.of("never-followed")), "nothing to unsubscribe");
        assertEquals(List.of(), interest.rooms());
    }

    @Test
    void followersOnManyThreadsLeaveExactlyTheRoomsStillFollowed() throws Exception {
        RoomInterest interest = new RoomInterest();
        int threads = 8;
        int rounds = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> subscribes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            subscribes.add(pool.submit(() -> {
                start.await();
                int net = 0;
                for (int i = 0; i < rounds; i++) {
                    List<String> rooms = List.of("shared", "room-" + (i % 10), "own-" + me);
                    net += interest.follow(rooms).size();
                    net -= interest.unfollow(rooms).size();
                }
                interest.follow(List.of("kept-" + me));
                return net;
            }));
        }
        start.countDown();
        int net = 0;
        for (Future<Integer> result : subscribes) {
            net += result.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(0, net, "every subscribe the answers asked for was matched by an unsubscribe");
        assertEquals(threads, interest.rooms().size());
        assertTrue(interest.follows("kept-3"));
        assertFalse(interest.follows("shared"));
    }
}
