package dev.parley.realtime;

import dev.parley.account.SessionSignIn;
import dev.parley.message.MessageWriter;
import dev.parley.message.Posted;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket of the chat, one instance per connection. The user is who signed in on the HTTP session that
 * opened it, never a name in a frame. Each frame is one call into a service; what that call refuses comes back
 * as an {@code error} frame and the connection stays open.
 */
@ServerEndpoint(value = "/ws", subprotocols = ChatEndpoint.BATCH, decoders = ClientFrameDecoder.class,
        configurator = HandshakeGate.class)
public class ChatEndpoint {

    static final String BATCH = "parley.batch";
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
        HttpSession httpSession = (HttpSession) endpointConfig.getUserProperties().remove(HandshakeGate.HTTP_SESSION);
        String signInId = SessionSignIn.idIn(httpSession).orElse(null);
        connection = new Connection(caller.getName(), signInId, httpSession, outbox, catchUp);
        connections.opened(connection);
        // Checked again once registered: a sign-out that ended the sign-in meanwhile did not see this socket.
        if (signInId == null || !signInId.equals(SessionSignIn.idIn(httpSession).orElse(null))) {
            connection.close(Connections.SIGNED_OUT);
        }
    }

    @OnMessage
    public void onFrame(ClientFrame frame) {
        if (frame instanceof ClientFrame.Send send) {
            connection.noteActivity();
            send(send);
        } else if (frame instanceof ClientFrame.Resume resume) {
            resume(resume);
        } else if (frame instanceof ClientFrame.Typing typing) {
            connection.noteActivity();
            refusalsAsErrors(null, typing.room(), () -> typing(typing));
        } else if (frame instanceof ClientFrame.Read read) {
            refusalsAsErrors(null, read.room(), () -> rooms.markRead(read.room(), connection.user, read.upTo()));
        } else if (frame instanceof ClientFrame.Ping) {
            connection.send(new ServerFrame.Pong());
        }
    }

    /**
     * Hands the message to the writer and returns: the socket's thread does not wait for the commit. The answer
     * is handled on the relay thread, after the message's own delivery: on the in-process bus that delivery
     * has reached this connection by then and carried the ack with it (see {@link Connection#deliver}); else
     * (a resend, the Redis bus) the ack goes out on its own. A refusal goes out as an error.
     */
    private void send(ClientFrame.Send send) {
        if (!rateLimit.allows(connection.user)) {
            connection.send(new ServerFrame.Error(ErrorCode.RATE_LIMITED,
                    "Too many messages; wait a moment and send again", send.clientId(), send.room()));
            return;
        }
        connection.expectAck(send.clientId());
        try {
            writer.post(connection.user, send.room(), send.clientId(), send.body())
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

    private void resume(ClientFrame.Resume resume) {
        Map<String, Long> replayable = new LinkedHashMap<>();
        resume.rooms().forEach((room, lastSeen) -> refusalsAsErrors(null, room, () -> {
            rooms.requireMember(room, connection.user);
            replayable.put(room, lastSeen);
        }));
        connection.beginReplay(replayable);
        try {
            replayable.forEach((room, lastSeen) -> catchUp.replay(connection, room, lastSeen));
        } finally {
            connection.endReplay();
        }
    }

    private void typing(ClientFrame.Typing typing) {
        bus.publish(BusEvent.Notice.toAllBut(connection.id, rooms.membersAsSeenBy(typing.room(), connection.user),
                new ServerFrame.Typing(typing.room(), connection.user)));
    }

    private void refusalsAsErrors(String clientId, String room, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException failed) {
            answerFailure(failed, clientId, room);
        }
    }

    /** The one place a refusal or failure becomes an {@code error} frame. */
    private void answerFailure(Throwable failure, String clientId, String room) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
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
            connection.send(ServerFrame.Error.of(ErrorCode.BAD_REQUEST, malformed.getMessage()));
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
