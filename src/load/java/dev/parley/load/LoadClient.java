package dev.parley.load;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket connection of a load user, opened like a browser tab (session cookie, Parley's own Origin,
 * {@code parley.batch} offered). It sends what the pacer gives it, one frame in flight at a time, and reads
 * every server frame with {@link FrameScanner}: a load message's latency and id, an ack, an error.
 */
final class LoadClient implements WebSocket.Listener {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    /** The first few frames the tool could not read are shown: a count alone does not say what went wrong. */
    private static final AtomicInteger UNREADABLE_SHOWN = new AtomicInteger();

    final LoadUsers.User user;
    private final Measurements measurements;
    /** The rooms whose messages this connection must receive, with what it received of each. Fixed at open. */
    private final Map<String, DeliveryCheck.Log> rooms;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final ScannedFrame frame = new ScannedFrame();
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private StringBuilder partial;
    private boolean sending;
    private volatile boolean closing;
    private volatile WebSocket webSocket;

    private LoadClient(LoadUsers.User user, Measurements measurements, Map<String, DeliveryCheck.Log> rooms) {
        this.user = user;
        this.measurements = measurements;
        this.rooms = rooms;
    }

    /** Opens a connection; completes once the server's {@code ready} frame arrived. */
    static CompletableFuture<LoadClient> open(HttpClient http, ParleyApi api, LoadUsers.User user,
            Measurements measurements, Map<String, DeliveryCheck.Log> rooms) {
        LoadClient client = new LoadClient(user, measurements, rooms);
        return http.newWebSocketBuilder()
                .header("Cookie", user.cookie())
                .header("Origin", api.origin())
                .subprotocols("parley.batch")
                .connectTimeout(HANDSHAKE_TIMEOUT)
                .buildAsync(api.webSocketEndpoint(), client)
                .thenCompose(socket -> {
                    client.webSocket = socket;
                    return client.ready;
                })
                .thenApply(ignored -> client);
    }

    Map<String, DeliveryCheck.Log> rooms() {
        return rooms;
    }

    boolean batching() {
        return "parley.batch".equals(webSocket.getSubprotocol());
    }

    /** Queues a client frame; frames go out in order, one at a time (the JDK allows one pending send). */
    void send(String text) {
        synchronized (outbox) {
            if (sending) {
                outbox.add(text);
                return;
            }
            sending = true;
        }
        transmit(text);
    }

    private void transmit(String text) {
        webSocket.sendText(text, true).whenComplete((socket, failure) -> {
            if (failure != null && !closing) {
                measurements.error("send_failed");
            }
            String next;
            synchronized (outbox) {
                next = outbox.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            transmit(next);
        });
    }

    void close() {
        closing = true;
        WebSocket socket = webSocket;
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "load run over").exceptionally(e -> null);
        }
    }

    void abort() {
        closing = true;
        WebSocket socket = webSocket;
        if (socket != null) {
            socket.abort();
        }
    }

    /**
     * Asks for every message at once: the receiving threads keep up with the server or the run shows it, and one
     * demand signal per message would cost a hand-off between the JDK's threads per message.
     */
    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last || partial != null) {
            if (partial == null) {
                partial = new StringBuilder();
            }
            partial.append(data);
        }
        if (last) {
            CharSequence text = partial == null ? data : partial;
            long now = System.nanoTime();
            measurements.webSocketMessages.increment();
            try {
                FrameScanner.scan(text, frame, scanned -> handle(scanned, now));
            } catch (IllegalArgumentException unreadable) {
                measurements.error("unreadable_frame");
                if (UNREADABLE_SHOWN.getAndIncrement() < 3) {
                    System.err.println("unreadable frame (" + unreadable.getMessage() + "): "
                            + text.subSequence(0, Math.min(text.length(), 2000)));
                }
            }
            partial = null;
        }
        return null;
    }

    private void handle(ScannedFrame frame, long now) {
        String type = frame.type;
        if (type == FrameTypes.MESSAGE) {
            delivered(frame, now);
        } else if (type == FrameTypes.ACK) {
            acked(frame, now);
        } else if (type == FrameTypes.ERROR) {
            measurements.error(frame.code);
            SentMessages sent = measurements.sent();
            long seq = LoadBody.seqOfClientId(frame.clientId, measurements.runTag);
            if (sent != null && sent.isKnown(seq)) {
                sent.errored((int) seq);
            }
        } else if (type == FrameTypes.READY) {
            ready.complete(null);
        } else if (type == FrameTypes.PONG) {
            measurements.pongs.increment();
        }
    }

    private void delivered(ScannedFrame frame, long now) {
        SentMessages sent = measurements.sent();
        if (!frame.isLoadMessage() || sent == null || !sent.isKnown(frame.seq)
                || sent.intendedNanos((int) frame.seq) != frame.intendedNanos) {
            return;
        }
        DeliveryCheck.Log log = rooms.get(frame.room);
        if (log == null) {
            measurements.error("message_of_another_room");
            return;
        }
        log.add(frame.id);
        sent.delivered((int) frame.seq);
        measurements.deliveries.increment();
        measurements.deliveryLatency.recordNanos(now - measurements.origin - frame.intendedNanos);
    }

    private void acked(ScannedFrame frame, long now) {
        SentMessages sent = measurements.sent();
        long seq = LoadBody.seqOfClientId(frame.clientId, measurements.runTag);
        if (sent == null || !sent.isKnown(seq) || frame.id == ScannedFrame.NO_ID) {
            return;
        }
        if (sent.acked((int) seq, frame.id)) {
            measurements.acks.increment();
            measurements.ackLatency.recordNanos(now - measurements.origin - sent.intendedNanos((int) seq));
        } else {
            measurements.error("ack_twice_or_after_error");
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closing) {
            measurements.error("closed_" + statusCode);
        }
        ready.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closing) {
            measurements.error("socket_error");
        }
        ready.completeExceptionally(error);
    }
}
