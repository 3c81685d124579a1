package dev.parley.realtime;

import dev.parley.account.SessionSignIn;
import dev.parley.message.Draft;
import dev.parley.message.MessageService;
import dev.parley.message.MessageWriter;
import dev.parley.message.Posted;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
import dev.parley.room.RoomIds;
import dev.parley.room.RoomService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.security.Principal;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket of the chat, one instance per connection. The user is who signed in on the HTTP session that
 * opened it, never a name in a frame. Each frame is one call into a service; what that call refuses comes back
 * as an {@code error} frame and the connection stays open.
 */
@ServerEndpoint(value = "/ws", subprotocols = ChatEndpoint.BATCH, decoders = ClientFrameDecoder.class,
        configurator = HandshakeSignIn.class)
public class ChatEndpoint {

    static final String BATCH = "parley.batch";
    /** Frames refused, none a second after the one before, before the connection is closed. */
    static final int REFUSALS_BEFORE_CLOSE = 100;
    static final CloseReason TOO_MANY_FRAMES =
            new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Too many frames");
    /** Large enough for any body up to the configured length in any script; larger frames close the socket. */
    private static final int MAX_FRAME_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());

    @Inject
    Connections connections;

    @Inject
    MessageWriter writer;

    @Inject
    RoomService rooms;

    @Inject
    Bus bus;

    @Inject
    CatchUp catchUp;

    @Inject
    SendRateLimit rateLimit;

    @Inject
    TypingThrottle typingThrottle;

    @Inject
    ReadMarkers readMarkers;

    @Inject
    RealtimeThreads threads;

    @Inject
    ParleyConfig config;

    private Connection connection;

    @OnOpen
    public void open(Session session, EndpointConfig endpointConfig) throws java.io.IOException {
        Principal caller = session.getUserPrincipal();
        if (caller == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Sign in first"));
            return;
        }
        IdleTimerRedirect.redirect(session, threads.idleTimers());
        session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
        Outbox outbox = new Outbox(session, BATCH.equals(session.getNegotiatedSubprotocol()), threads.flushing(),
                config.batchWindowMillis());
        HttpSession httpSession = (HttpSession) endpointConfig.getUserProperties().remove(HandshakeSignIn.HTTP_SESSION);
        String tokenSignIn = (String) endpointConfig.getUserProperties().remove(HandshakeSignIn.TOKEN_SIGN_IN);
        String signInId = tokenSignIn != null ? tokenSignIn : SessionSignIn.idIn(httpSession).orElse(null);
        FrameBudget budget = new FrameBudget(config.frameRatePerSecond(), config.frameBurst(),
                REFUSALS_BEFORE_CLOSE, System.nanoTime());
        connection = new Connection(caller.getName(), signInId, httpSession, outbox, catchUp, budget);
        if (!connections.opened(connection)) {
            return;
        }
        // Checked again once registered: a sign-out that ended the sign-in meanwhile did not see this socket. (A
        // token revoked meanwhile is caught by EndedSignIns within seconds.)
        if (tokenSignIn == null
                && (signInId == null || !signInId.equals(SessionSignIn.idIn(httpSession).orElse(null)))) {
            connection.close(Connections.SIGNED_OUT);
        }
    }

    @OnMessage
    public void onFrame(ClientFrame frame) {
        if (!withinBudget()) {
            return;
        }
        if (frame instanceof ClientFrame.Send send) {
            connection.noteActivity();
            send(send);
        } else if (frame instanceof ClientFrame.Resume resume) {
            refusalsAsErrors(null, () -> catchUp.resume(connection, resume));
        } else if (frame instanceof ClientFrame.Typing typing) {
            connection.noteActivity();
            refusalsAsErrors(typing.room(), () -> typing(typing));
        } else if (frame instanceof ClientFrame.Read read) {
            refusalsAsErrors(read.room(), () -> read(read));
        } else if (frame instanceof ClientFrame.Ping) {
            connection.send(new ServerFrame.Pong());
        }
    }

    /** Every frame, readable or not, takes from the connection's one budget (see {@link FrameBudget}). */
    private boolean withinBudget() {
        return switch (connection.budget.take(System.nanoTime())) {
            case ALLOW -> true;
            case REFUSE -> {
                connection.send(ServerFrame.Error.of(ErrorCode.RATE_LIMITED,
                        "Too many frames; this one was dropped. Slow down, or the connection is closed"));
                yield false;
            }
            case REFUSE_QUIETLY -> false;
            case CLOSE -> {
                connection.close(TOO_MANY_FRAMES);
                yield false;
            }
        };
    }

    /**
     * Hands the message to the writer and returns: the socket's thread does not wait for the commit. The answer
     * is handled on the relay thread, after the message's own delivery: on the in-process bus that delivery
     * has reached this connection by then and carried the ack with it (see {@link Connection#deliver}); else
     * (a resend, the Redis bus) the ack goes out on its own. A refusal goes out as an error.
     */
    private void send(ClientFrame.Send send) {
        if (!rateLimit.allows(connection.user)) {
            answerFailure(new ParleyException(ErrorCode.RATE_LIMITED, "Too many messages; wait a moment and send again"),
                    send.clientId(), send.room());
            return;
        }
        connection.expectAck(send.clientId());
        try {
            writer.post(connection.user, new Draft(send.room(), send.clientId(), send.body(), send.thread(), send.files()))
                    .whenCompleteAsync((posted, failure) -> answer(send, posted, failure), threads.relaying());
        } catch (RuntimeException refused) {
            answer(send, null, refused);
        }
    }

    private void answer(ClientFrame.Send send, Posted posted, Throwable failure) {
        if (failure == null) {
            connection.acknowledge(posted.message());
        } else {
            connection.noAckOwed(send.clientId());
            answerFailure(failure, send.clientId(), send.room());
        }
    }

    private void typing(ClientFrame.Typing typing) {
        RoomIds.requireFits(typing.room());
        if (typingThrottle.mayPass(connection.user, typing.room(), System.nanoTime())) {
            bus.publish(BusEvent.Notice.toAllBut(connection.id, rooms.membersAsSeenBy(connection.user, typing.room()),
                    new ServerFrame.Typing(typing.room(), connection.user)));
        }
    }

    private void read(ClientFrame.Read read) {
        RoomIds.requireFits(read.room());
        readMarkers.mark(connection, read.room(), read.upTo());
    }

    private void refusalsAsErrors(String room, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException failed) {
            answerFailure(failed, null, room);
        }
    }

    /**
     * The one place a refusal or failure becomes an {@code error} frame. The client's room id and client id are
     * repeated only when they are within their limits: an answer never carries more than a few hundred characters
     * of what the client sent.
     */
    private void answerFailure(Throwable failure, String clientId, String room) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        clientId = clientId != null && clientId.length() <= MessageService.MAX_CLIENT_ID ? clientId : null;
        room = RoomIds.fits(room) ? room : null;
        if (cause instanceof ParleyException refused) {
            connection.send(new ServerFrame.Error(refused.code(), refused.getMessage(), clientId, room));
        } else {
            LOG.log(Level.WARNING, "A frame from " + connection.user + " failed", cause);
            connection.send(new ServerFrame.Error(ErrorCode.INTERNAL,
                    "Parley could not do that just now; nothing was stored, try again", clientId, room));
        }
    }

    @OnError
    public void onError(Session session, Throwable error) {
        if (error instanceof DecodeException malformed && connection != null) {
            if (withinBudget()) {
                connection.send(ServerFrame.Error.of(ErrorCode.BAD_REQUEST, malformed.getMessage()));
            }
        } else {
            LOG.log(Level.FINE, "WebSocket error", error);
        }
    }

    @OnClose
    public void close(Session session) {
        if (connection != null) {
            connection.discard();
            connections.closed(connection);
        }
    }
}
