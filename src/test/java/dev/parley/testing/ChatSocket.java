package dev.parley.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One open WebSocket to Parley's {@code /ws}, as one browser tab of a user: sends client frames and
 * collects server frames for the test to await.
 *
 * <p>Frames are kept for the socket's whole life. {@code await} takes the oldest frame not yet taken that
 * matches, so "alice sends, bob receives" can be awaited in any order without losing frames of other types.
 */
public final class ChatSocket implements AutoCloseable {

    public static final String BATCH_SUBPROTOCOL = "parley.batch";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Reported by {@link #awaitClose} when the connection ended without a close frame (RFC 6455, 7.1.5). */
    public static final int ABNORMAL_CLOSURE = 1006;

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    /**
     * Shared by all sockets and deliberately without a cookie handler: a handshake carries exactly the
     * Cookie header chosen in {@link #tryOpen}, so "no cookie" really means none.
     */
    private static final HttpClient HANDSHAKES = HttpClient.newBuilder()
            .connectTimeout(ParleyHttp.CONNECT_TIMEOUT)
            .build();

    private final String owner;
    private final ReceivedFrames frames;
    private final AtomicInteger rawMessages = new AtomicInteger();
    private final List<List<JsonObject>> groups = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeStatus = new CompletableFuture<>();
    private volatile String closeReason = "";
    private final AtomicBoolean closedByTest = new AtomicBoolean();
    private final Object sending = new Object();
    private volatile WebSocket webSocket;

    private ChatSocket(String owner) {
        this.owner = owner;
        this.frames = new ReceivedFrames(owner);
    }

    /** Opens a socket as {@code user}, with its session cookie and Parley's own origin; fails if refused. */
    public static ChatSocket open(ParleyHttp user) {
        return open(user, Options.defaults());
    }

    public static ChatSocket open(ParleyHttp user, Options options) {
        return tryOpen(user, options).socket();
    }

    /** Like {@link #open(ParleyHttp)}, but a refused handshake is returned for the test to inspect. */
    public static Handshake tryOpen(ParleyHttp user) {
        return tryOpen(user, Options.defaults());
    }

    /**
     * Attempts the handshake. A refusal (any answer but 101) comes back as a {@link Handshake} with its
     * HTTP status; a network failure, timeout, or a 101 the JDK rejects fails the test.
     */
    public static Handshake tryOpen(ParleyHttp user, Options options) {
        URI endpoint = endpoint(user.base());
        ChatSocket socket = new ChatSocket(user.username() == null ? "anonymous socket" : user.username() + "'s socket");
        try {
            WebSocket webSocket = handshake(user, options)
                    .buildAsync(endpoint, socket.new Listener())
                    .get(HANDSHAKE_TIMEOUT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
            socket.webSocket = webSocket;
            return new Handshake(101, "", socket);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused
                    && refused.getResponse().statusCode() != 101) {
                HttpResponse<?> response = refused.getResponse();
                return new Handshake(response.statusCode(), Objects.toString(response.body(), ""), null);
            }
            throw new AssertionError("WebSocket handshake with " + endpoint + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no WebSocket handshake answer from " + endpoint + " within " + HANDSHAKE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the WebSocket handshake with " + endpoint, e);
        }
    }

    /** A fresh clientId for a {@code send} frame. */
    public static String clientId() {
        return UUID.randomUUID().toString();
    }

    /** Matches frames whose {@code type} is {@code type}. */
    public static Predicate<JsonObject> ofType(String type) {
        return frame -> type.equals(frame.getString("type", null));
    }

    /** Matches frames whose {@code key} holds {@code value} (converted as by {@link Json#value}). */
    public static Predicate<JsonObject> has(String key, Object value) {
        JsonValue expected = Json.value(value);
        return frame -> expected.equals(frame.get(key));
    }

    /** Sends one client frame. */
    public void send(JsonObject frame) {
        send(frame.toString());
    }

    /** Sends any text as one WebSocket message, e.g. malformed JSON to test the server's answer. */
    public void send(String rawText) {
        synchronized (sending) {
            try {
                webSocket.sendText(rawText, true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw new UncheckedIOException(owner + ": sending failed", io);
                }
                throw new AssertionError(owner + ": sending failed", e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError(owner + ": sending took longer than " + SEND_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(owner + ": interrupted while sending", e);
            }
        }
    }

    public void sendMessage(String room, String clientId, String body) {
        send(Json.obj("type", "send", "room", room, "clientId", clientId, "body", body));
    }

    /** Sends {@code body} with a fresh clientId and returns it, to await the matching ack. */
    public String sendMessage(String room, String body) {
        String clientId = clientId();
        sendMessage(room, clientId, body);
        return clientId;
    }

    /** Asks for every message after the last id seen per room, then a {@code resumed} frame. */
    public void resume(Map<String, Long> lastSeenIdByRoom) {
        send(Json.obj("type", "resume", "rooms", lastSeenIdByRoom));
    }

    /** The protocol's {@code ping} frame (answered by {@code pong}), not a WebSocket control ping. */
    public void ping() {
        send(Json.obj("type", "ping"));
    }

    public void typing(String room) {
        send(Json.obj("type", "typing", "room", room));
    }

    public void read(String room, long upTo) {
        send(Json.obj("type", "read", "room", room, "upTo", upTo));
    }

    /** The oldest not yet awaited frame of {@code type}, waiting for it up to {@code timeout}. */
    public JsonObject await(String type, Duration timeout) {
        return frames.take(ofType(type), 1, timeout, "a \"" + type + "\" frame").get(0);
    }

    public JsonObject await(String type) {
        return await(type, DEFAULT_TIMEOUT);
    }

    /** The oldest not yet awaited frame that matches; a predicate that throws counts as no match. */
    public JsonObject await(Predicate<JsonObject> match, Duration timeout) {
        return frames.take(match, 1, timeout, "a frame matching the predicate").get(0);
    }

    public JsonObject await(Predicate<JsonObject> match) {
        return await(match, DEFAULT_TIMEOUT);
    }

    /** The next {@code count} not yet awaited frames that match, in arrival order. */
    public List<JsonObject> await(Predicate<JsonObject> match, int count, Duration timeout) {
        return frames.take(match, count, timeout, count + " frames matching the predicate");
    }

    /** The next {@code count} not yet awaited {@code message} frames of {@code room}, in arrival order. */
    public List<JsonObject> awaitMessages(String room, int count, Duration timeout) {
        Predicate<JsonObject> inRoom = ofType("message").and(frame -> room.equals(frame.getString("room", null)));
        return frames.take(inRoom, count, timeout, count + " \"message\" frames of room " + room);
    }

    public List<JsonObject> awaitMessages(String room, int count) {
        return awaitMessages(room, count, DEFAULT_TIMEOUT);
    }

    /**
     * Waits the whole quiet period and fails if a matching frame arrived at any time in this socket's
     * life, awaited or not. Use it for "bob never sees it".
     */
    public void assertNoFrame(Predicate<JsonObject> match, Duration quietPeriod) {
        frames.assertNone(match, quietPeriod, "frame matching the predicate");
    }

    /** Every frame of {@code type} received so far, awaited or not, oldest first. */
    public List<JsonObject> framesOfType(String type) {
        return frames.all(ofType(type));
    }

    /** Every frame received so far, oldest first. */
    public List<JsonObject> frames() {
        return frames.all(frame -> true);
    }

    /** WebSocket text messages received; fewer than {@code frames().size()} shows that batching happened. */
    public int rawMessageCount() {
        return rawMessages.get();
    }

    /** The frames of each WebSocket text message received, in order: a batch is one group of several. */
    public List<List<JsonObject>> framesByWebSocketMessage() {
        return List.copyOf(groups);
    }

    /** The subprotocol the server chose, "" when none. */
    public String negotiatedSubprotocol() {
        return webSocket.getSubprotocol();
    }

    /**
     * What the server sent that breaks the protocol: text that is not JSON, binary messages, an array
     * without the batch subprotocol, or array elements that are not objects. Frames still count.
     */
    public List<String> protocolViolations() {
        return frames.violations();
    }

    /** True once the connection has ended, closed by either side or broken. */
    public boolean isClosed() {
        return closeStatus.isDone() || webSocket.isInputClosed();
    }

    /** Waits for the connection to end and returns the close status code (1006 when it just broke). */
    public int awaitClose(Duration timeout) {
        try {
            return closeStatus.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(owner + ": still open after " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("closeStatus is never completed exceptionally", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(owner + ": interrupted while waiting for the close", e);
        }
    }

    /** The reason the server's close frame gave ("" before a close, or when it gave none). */
    public String closeReason() {
        return closeReason;
    }

    /** Sends a normal closure, gives the server 2 s to answer it, then aborts the connection. */
    @Override
    public void close() {
        if (!closedByTest.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            synchronized (sending) {
                if (!webSocket.isOutputClosed()) {
                    webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            closeStatus.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException ignored) {
            // The server did not answer the close in time: aborting below is all that is left to do.
        } finally {
            webSocket.abort();
            closeStatus.complete(ABNORMAL_CLOSURE);
            frames.end("closed by the test");
        }
    }

    @Override
    public String toString() {
        return owner;
    }

    private static WebSocket.Builder handshake(ParleyHttp user, Options options) {
        WebSocket.Builder builder = HANDSHAKES.newWebSocketBuilder().connectTimeout(HANDSHAKE_TIMEOUT);
        String cookie = user.sessionCookie();
        if (options.cookie && !cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        String origin = options.ownOrigin ? origin(user.base()) : options.origin;
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (options.batch) {
            builder.subprotocols(BATCH_SUBPROTOCOL);
        }
        if (user.bearer() != null) {
            builder.header("Authorization", "Bearer " + user.bearer());
        }
        return builder;
    }

    /** {@code <base>/ws} with the scheme swapped: http to ws, https to wss. */
    private static URI endpoint(URI base) {
        URI http = base.resolve("ws");
        String scheme = "https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + http.toString().substring(http.getScheme().length()));
    }

    /** What a browser sends as Origin for pages served from {@code base}: scheme, host and port only. */
    private static String origin(URI base) {
        return base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    /** Turns one complete WebSocket text message into frames; a batch array yields its elements in order. */
    private void receive(String text, boolean batchNegotiated) {
        JsonValue payload;
        try {
            payload = Json.parse(text);
        } catch (JsonException e) {
            frames.violation("not JSON: " + text);
            return;
        }
        List<JsonObject> received;
        if (payload instanceof JsonObject frame) {
            received = List.of(frame);
        } else if (payload instanceof JsonArray batch) {
            if (!batchNegotiated) {
                frames.violation("a JSON array without the " + BATCH_SUBPROTOCOL + " subprotocol: " + text);
            }
            received = objectsOf(batch);
        } else {
            frames.violation("neither a JSON object nor an array: " + text);
            return;
        }
        groups.add(received);
        frames.add(received);
    }

    private List<JsonObject> objectsOf(JsonArray batch) {
        List<JsonObject> objects = new ArrayList<>(batch.size());
        for (JsonValue element : batch) {
            if (element instanceof JsonObject frame) {
                objects.add(frame);
            } else {
                frames.violation("a batch element that is not an object: " + element);
            }
        }
        return objects;
    }

    /**
     * Receives for this socket. The JDK calls it one event at a time, so the partial-message buffer
     * needs no locking; each call asks for exactly one more message.
     */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                rawMessages.incrementAndGet();
                String text = partial.toString();
                partial.setLength(0);
                receive(text, BATCH_SUBPROTOCOL.equals(socket.getSubprotocol()));
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            if (last) {
                frames.violation("a binary message");
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            frames.end("closed with " + statusCode + (reason.isEmpty() ? "" : " (" + reason + ")"));
            closeReason = reason;
            closeStatus.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            frames.end("broken: " + error);
            closeStatus.complete(ABNORMAL_CLOSURE);
        }
    }

    /**
     * How to open a socket; {@link #defaults()} is what Parley's own page does: session cookie,
     * Parley's origin, no batching.
     */
    public static final class Options {
        private final boolean ownOrigin;
        private final String origin;
        private final boolean batch;
        private final boolean cookie;

        private Options(boolean ownOrigin, String origin, boolean batch, boolean cookie) {
            this.ownOrigin = ownOrigin;
            this.origin = origin;
            this.batch = batch;
            this.cookie = cookie;
        }

        public static Options defaults() {
            return new Options(true, null, false, true);
        }

        /** Sends this Origin instead of Parley's own; null sends none. */
        public Options origin(String origin) {
            return new Options(false, origin, batch, cookie);
        }

        /** Sends no Origin header, as a non-browser client would. */
        public Options withoutOrigin() {
            return origin(null);
        }

        /** Offers the {@value ChatSocket#BATCH_SUBPROTOCOL} subprotocol. */
        public Options batch() {
            return new Options(ownOrigin, origin, true, cookie);
        }

        /** Leaves out the session cookie, as an anonymous visitor. */
        public Options withoutCookie() {
            return new Options(ownOrigin, origin, batch, false);
        }
    }

    /**
     * The outcome of {@link #tryOpen}: status 101 with the open socket, or the refusing HTTP status and body.
     */
    public record Handshake(int status, String body, ChatSocket socket) {

        public boolean accepted() {
            return socket != null;
        }

        /** The open socket; fails the test, showing the refusal, when the handshake was refused. */
        @Override
        public ChatSocket socket() {
            if (socket == null) {
                throw new AssertionError("WebSocket handshake refused with HTTP " + status + ": " + body);
            }
            return socket;
        }
    }
}
