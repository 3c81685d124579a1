package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.message.MessagePosted;
import dev.parley.message.MessageView;
import dev.parley.message.Posted;
import dev.parley.testing.Json;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One connection's promises, against an outbox whose socket takes every write at once: acks never overtake an
 * earlier answer and ride in front of the sender's own copy; live messages wait for the replay and follow it; a
 * room forgotten during a replay releases nothing it held. Frames are read back in the order the client would see
 * them. (Messages overtaking each other, and the catch-up they start, are {@link RoomStreamsTest}'s.)
 */
class ConnectionTest {

    private static final String ME = "ann";
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final Connection connection = new Connection(ME, "sign-in", null,
            new Outbox(session(), true, executor, 0), null, new FrameBudget(100, 100, 10, System.nanoTime()));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theAckOfTheOldestSendRidesInFrontOfTheSendersOwnCopyInOneWebSocketMessage() throws Exception {
        connection.startAt(Map.of("r", 0L));
        connection.expectAck("c1");
        connection.deliver(delivery(1, 0, "r", ME, "c1"));

        assertEquals(List.of("ack c1", "message 1"), frames(2));
        assertEquals(1, written.size(), "one WebSocket message for both");
        connection.acknowledge(view(1, "r", ME, "c1"));
        Thread.sleep(50);
        assertEquals(List.of("ack c1", "message 1"), frames(2), "the answer after the delivery owes nothing more");
    }

    @Test
    void aLaterSendsAckNeverOvertakesTheAnswerToAnEarlierOne() throws Exception {
        connection.startAt(Map.of("r", 0L));
        connection.expectAck("c1");
        connection.expectAck("c2");
        // c2 was stored first (c1 waits for its room's lock elsewhere, or is about to be refused).
        connection.deliver(delivery(1, 0, "r", ME, "c2"));
        assertEquals(List.of("message 1"), frames(1), "its copy goes; its ack waits behind c1's answer");

        connection.noAckOwed("c1"); // refused: the endpoint sends the error
        connection.acknowledge(view(1, "r", ME, "c2"));
        assertEquals(List.of("message 1", "ack c2"), frames(2));
    }

    @Test
    void liveMessagesDuringAReplayWaitForResumedAndThenFollowInIdOrder() throws Exception {
        connection.startAt(Map.of("r", 2L));
        connection.beginReplay(Map.of("r", 0L));
        connection.deliver(delivery(3, 2, "r", "bob", "b3"));
        connection.deliver(delivery(4, 3, "r", "bob", "b4"));
        connection.fill("r", List.of(delivery(1, 0, "r", "bob", "b1"), delivery(2, 1, "r", "bob", "b2")));
        connection.endReplay(Map.of());

        assertEquals(List.of("message 1", "message 2", "resumed", "message 3", "message 4"), frames(5));
    }

    @Test
    void aRoomForgottenDuringAReplayReleasesNothingOfIt() throws Exception {
        connection.startAt(Map.of("r", 0L, "s", 0L));
        connection.beginReplay(Map.of("r", 0L, "s", 0L));
        connection.deliver(delivery(1, 0, "r", "bob", "b1"));
        connection.deliver(delivery(5, 0, "s", "bob", "b5"));
        connection.forget("r"); // Ann was removed from r meanwhile
        connection.endReplay(Map.of());

        assertEquals(List.of("resumed", "message 5"), frames(2));
        Thread.sleep(50);
        assertEquals(2, frames(0).size(), "nothing of r that was held");
    }

    @Test
    void aMessageAlreadySentIsNotSentAgain() throws Exception {
        connection.startAt(Map.of("r", 0L));
        connection.deliver(delivery(1, 0, "r", "bob", "b1"));
        connection.deliver(delivery(1, 0, "r", "bob", "b1"));
        connection.beginReplay(Map.of("r", 1L));
        connection.fill("r", List.of());
        connection.endReplay(Map.of());
        connection.deliver(delivery(1, 0, "r", "bob", "b1"));

        assertEquals(List.of("message 1", "resumed"), frames(2));
        Thread.sleep(50);
        assertEquals(2, frames(0).size());
    }

    /**
     * The ack-ordering contract, as the server wires it: the commit hands the message's publication to the relay
     * thread (ChangeRelay) before the writer completes the post's answer, and ChatEndpoint handles the answer on
     * that same thread (whenCompleteAsync on {@code threads.relaying()}). One thread, in order: the delivery has put
     * the ack in front of the sender's copy before the answer is handled, which then owes nothing.
     */
    @Test
    void theAnswerIsHandledOnTheRelayThreadAfterTheDeliverySoTheAckGoesOnceInFrontOfTheCopy() throws Exception {
        RealtimeThreads threads = new RealtimeThreads();
        threads.threadFactory = new PlainThreads();
        try {
            connection.startAt(Map.of("r", 0L));
            connection.expectAck("c1");
            CompletableFuture<Posted> answer = new CompletableFuture<>();
            answer.whenCompleteAsync((posted, failure) -> connection.acknowledge(posted.message()), threads.relaying());
            CountDownLatch slowDelivery = new CountDownLatch(1);
            threads.relaying().execute(() -> { // the commit's publication, LocalBus delivering on this thread
                await(slowDelivery);
                connection.deliver(delivery(1, 0, "r", ME, "c1"));
            });
            answer.complete(new Posted(view(1, "r", ME, "c1"))); // the writer's answer, right after the commit
            slowDelivery.countDown();

            assertEquals(List.of("ack c1", "message 1"), frames(2));
            Thread.sleep(50);
            assertEquals(List.of("ack c1", "message 1"), frames(0), "one ack, in front of the copy");
            assertEquals(1, written.size(), "in one WebSocket message: the ack waited for nothing");
        } finally {
            threads.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The container's thread factory, outside a container. */
    private static final class PlainThreads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "test-relay");
            thread.setDaemon(true);
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    }

    private static MessageView view(long id, String room, String sender, String clientId) {
        return new MessageView(id, room, sender, "text " + id, "2026-12-06T18:00:00.000Z", clientId);
    }

    private static Delivery delivery(long id, long previousId, String room, String sender, String clientId) {
        return Delivery.of(new MessagePosted(view(id, room, sender, clientId), previousId, List.of(ME, "bob")));
    }

    /** Waits until at least {@code count} frames arrived; answers them all as "type detail". */
    private List<String> frames(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> frames = read();
        while (frames.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
            frames = read();
        }
        return frames;
    }

    private List<String> read() {
        List<String> frames = new ArrayList<>();
        for (String message : written) {
            JsonValue value = Json.parse(message);
            List<JsonObject> objects = value instanceof JsonArray array ? array.getValuesAs(JsonObject.class)
                    : List.of(value.asJsonObject());
            for (JsonObject frame : objects) {
                String type = frame.getString("type");
                frames.add(switch (type) {
                    case "ack" -> "ack " + frame.getString("clientId");
                    case "message" -> "message " + frame.getJsonNumber("id").longValue();
                    default -> type;
                });
            }
        }
        return frames;
    }

    /** A socket that takes each write at once (on the outbox's thread, as a container's completion would). */
    private Session session() {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        written.add((String) args[0]);
                        SendHandler done = (SendHandler) args[1];
                        executor.execute(() -> done.onResult(new SendResult()));
                    }
                    return null;
                });
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "isOpen" -> true;
                    default -> null;
                });
    }
}
