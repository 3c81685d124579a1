package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox against a socket the test controls: it completes each write only when told to. */
class OutboxTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final FakeSocket socket = new FakeSocket();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void framesQueuedTogetherLeaveAsArraysOfBoundedSize() {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            frames.add("{\"n\":\"" + "x".repeat(4_000) + "\"}");
        }
        List<String> batches = Outbox.batches(frames);
        assertTrue(batches.size() > 1, "160 KB does not go as one message");
        int total = 0;
        for (String batch : batches) {
            assertTrue(batch.length() <= Outbox.MAX_BATCH_CHARS, batch.length() + " characters");
            assertTrue(batch.startsWith("[{") && batch.endsWith("}]"));
            total += batch.split("\\},\\{").length;
        }
        assertEquals(40, total, "every frame, once");
        assertEquals(List.of("{\"one\":1}"), Outbox.batches(List.of("{\"one\":1}")), "a lone frame is not wrapped");
        assertEquals(List.of(), Outbox.batches(List.of()), "nothing to send is no message, not \"]\"");
    }

    @Test
    void aClientTooFarBehindInCharactersIsClosed() throws Exception {
        Outbox outbox = new Outbox(socket.session(), true, executor, 0);
        String big = "{\"b\":\"" + "y".repeat(1_000_000) + "\"}";
        outbox.add(big); // in flight, never completed: the client stopped reading
        socket.awaitWrites(1);
        for (int i = 0; i < 4; i++) {
            outbox.add(big);
        }
        assertFalse(outbox.isClosed(), "4 MB queued is the limit, not over it");
        outbox.add(big);
        assertTrue(outbox.isClosed());
        assertEquals(Outbox.TOO_FAR_BEHIND.getCloseCode(), socket.closedWith.getCloseCode());
    }

    @Test
    void aWaitingReplayGoesOnOnlyOnceTheClientHasTakenWhatWasInFlight() throws Exception {
        Outbox outbox = new Outbox(socket.session(), true, executor, 0);
        outbox.add("{\"page\":\"" + "z".repeat(300_000) + "\"}");
        socket.awaitWrites(1);
        assertFalse(outbox.isBelow(10, 256 * 1024), "300 K characters in flight count");
        AtomicBoolean goOn = new AtomicBoolean();
        outbox.whenBelow(10, 256 * 1024, () -> goOn.set(true));
        Thread.sleep(50);
        assertFalse(goOn.get(), "nothing was read: no thread runs it, nothing is added");
        socket.completeWrites();
        waitUntil(goOn::get);
        assertTrue(outbox.isBelow(10, 256 * 1024));
    }

    @Test
    void aClosedOutboxForgetsTheWaitingReplay() throws Exception {
        Outbox outbox = new Outbox(socket.session(), true, executor, 0);
        outbox.add("{\"page\":\"" + "z".repeat(300_000) + "\"}");
        socket.awaitWrites(1);
        AtomicBoolean goOn = new AtomicBoolean();
        outbox.whenBelow(10, 256 * 1024, () -> goOn.set(true));
        outbox.discard();
        socket.completeWrites();
        Thread.sleep(50);
        assertFalse(goOn.get(), "the connection is gone: its replay stops");
    }

    @Test
    void framesAddedWhileOneIsInFlightLeaveTogetherAfterItOneFrameAtATime() throws Exception {
        Outbox outbox = new Outbox(socket.session(), true, executor, 0);
        outbox.add("{\"n\":1}");
        socket.awaitWrites(1);
        outbox.add("{\"n\":2}");
        outbox.add("{\"n\":3}");
        Thread.sleep(50);
        assertEquals(List.of("{\"n\":1}"), socket.written, "nothing overtakes or joins a frame in flight");
        socket.completeWrites();
        socket.awaitWrites(2);
        assertEquals(List.of("{\"n\":1}", "[{\"n\":2},{\"n\":3}]"), socket.written, "then the rest, as one array");
    }

    @Test
    void withoutBatchingFramesStillGoOneAtATimeInOrder() throws Exception {
        Outbox outbox = new Outbox(socket.session(), false, executor, 0);
        for (int n = 1; n <= 3; n++) {
            outbox.add("{\"n\":" + n + "}");
        }
        for (int n = 1; n <= 3; n++) {
            socket.awaitWrites(n);
            assertEquals(n, socket.written.size(), "one write in flight at a time");
            socket.completeWrites();
        }
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), socket.written);
    }

    @Test
    void aSendWaitsOutTheBatchWindowAfterThePreviousOne() throws Exception {
        Outbox outbox = new Outbox(socket.session(), true, executor, 300);
        outbox.add("{\"n\":1}");
        socket.awaitWrites(1);
        long firstWritten = System.nanoTime();
        socket.completeWrites();
        outbox.add("{\"n\":2}");
        socket.awaitWrites(2);
        long waitedMillis = (System.nanoTime() - firstWritten) / 1_000_000;
        assertTrue(waitedMillis >= 250, "the second send waited for the window: " + waitedMillis + " ms");
    }

    @Test
    void aClientTooFarBehindInFramesIsClosedAndTakesNothingMore() throws Exception {
        Outbox outbox = new Outbox(socket.session(), true, executor, 0);
        outbox.add("{\"n\":0}"); // in flight, never completed
        socket.awaitWrites(1);
        for (int i = 0; i < Outbox.MAX_QUEUED; i++) {
            outbox.add("{}");
        }
        assertFalse(outbox.isClosed(), Outbox.MAX_QUEUED + " frames waiting is the limit, not over it");
        outbox.add("{}");
        assertTrue(outbox.isClosed());
        assertEquals(Outbox.TOO_FAR_BEHIND.getCloseCode(), socket.closedWith.getCloseCode());
        assertEquals(Outbox.TOO_FAR_BEHIND.getReasonPhrase(), socket.closedWith.getReasonPhrase());
        socket.completeWrites();
        outbox.add("{\"late\":true}");
        Thread.sleep(50);
        assertEquals(1, socket.written.size(), "a closed outbox sends nothing more");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** A WebSocket session whose writes complete only when the test says so. */
    private static final class FakeSocket {
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<SendHandler> pending = new CopyOnWriteArrayList<>();
        volatile CloseReason closedWith;

        Session session() {
            RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            written.add((String) args[0]);
                            pending.add((SendHandler) args[1]);
                        }
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> remote;
                        case "isOpen" -> closedWith == null;
                        case "close" -> {
                            closedWith = (CloseReason) args[0];
                            yield null;
                        }
                        default -> null;
                    });
        }

        void awaitWrites(int count) throws InterruptedException {
            waitUntil(() -> written.size() >= count);
        }

        void completeWrites() {
            for (SendHandler handler : pending) {
                pending.remove(handler);
                handler.onResult(new SendResult());
            }
        }
    }
}
