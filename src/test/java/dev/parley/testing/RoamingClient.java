package dev.parley.testing;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One member of a room as a careful client behaves (docs/protocol.md, the client's algorithm), for the fault runs:
 * it keeps its cookies, and when its connection drops it connects again (to whichever node still answers, without
 * signing in), resumes from the last message it has, and sends again, with the same client ids, whatever was not
 * acked. From {@code ready} to {@code resumed} it collects {@code message} frames and then applies them in id order,
 * skipping what it has, as the protocol asks; after {@code resumed} it applies each as it arrives. It records
 * the messages it applied, over all its connections: the record {@link HistoryCheck} compares with the database.
 * A live message after {@code resumed} that it already had is the server's fault, counted apart
 * ({@link #repeatsAfterResumed}). Driven by one thread ({@link #tick}).
 */
public final class RoamingClient {

    private final String room;
    private ParleyHttp browser;
    private ChatSocket socket;
    private int framesRead;
    private final List<Long> received = new ArrayList<>();
    private final List<Long> collected = new ArrayList<>();
    private boolean collecting;
    private int repeatsAfterResumed;
    private final Map<String, String> unacked = new LinkedHashMap<>();
    private final Map<String, Long> acked = new ConcurrentHashMap<>();
    private final Set<String> retry = new LinkedHashSet<>();
    private int sent;
    private int reconnects;

    public RoamingClient(ParleyHttp browser, String room) {
        this.browser = browser;
        this.room = room;
    }

    public String name() {
        return browser.username();
    }

    /** Opens its first connection and asks for the room from the start. */
    public void connect() {
        socket = ChatSocket.open(browser);
        collecting = true;
        socket.resume(Map.of(room, lastReceived()));
    }

    /**
     * Reads what arrived; if the connection is gone, connects again to the first of {@code nodes} that takes it
     * (false when none does yet); then sends one more message when {@code send}.
     */
    public boolean tick(List<URI> nodes, boolean send) {
        read();
        if (socket.isClosed() && !reconnect(nodes)) {
            return false;
        }
        if (send) {
            String clientId = name() + "-" + (++sent);
            String body = "message " + sent + " from " + name();
            unacked.put(clientId, body);
            trySend(clientId, body);
        }
        return true;
    }

    private boolean reconnect(List<URI> nodes) {
        for (URI node : nodes) {
            ParleyHttp there = browser.at(node);
            ChatSocket.Handshake handshake;
            try {
                handshake = ChatSocket.tryOpen(there);
            } catch (AssertionError unreachable) {
                continue; // that node is down
            }
            if (handshake.socket() == null) {
                throw new AssertionError(name() + " was refused by " + node + " (" + handshake.status() + " "
                        + handshake.body() + "): a moved client must not have to sign in again");
            }
            browser = there;
            socket = handshake.socket();
            framesRead = 0;
            reconnects++;
            collecting = true;
            socket.resume(Map.of(room, lastReceived()));
            new HashMap<>(unacked).forEach(this::trySend);
            return true;
        }
        return false;
    }

    private void trySend(String clientId, String body) {
        try {
            socket.sendMessage(room, clientId, body);
        } catch (RuntimeException | AssertionError closedMeanwhile) {
            // Sent again after the next reconnect.
        }
    }

    private void read() {
        List<JsonObject> frames = socket.frames();
        for (JsonObject frame : frames.subList(framesRead, frames.size())) {
            String type = frame.getString("type", "");
            if (type.equals("message") && room.equals(frame.getString("room", ""))) {
                long id = frame.getJsonNumber("id").longValue();
                if (collecting) {
                    collected.add(id);
                } else if (!apply(id)) {
                    repeatsAfterResumed++;
                }
            } else if (type.equals("resumed")) {
                collected.stream().sorted().forEach(this::apply);
                collected.clear();
                collecting = false;
            } else if (type.equals("error") && frame.containsKey("clientId")
                    && unacked.containsKey(frame.getString("clientId"))) {
                retry.add(frame.getString("clientId")); // rate_limited, internal: the same clientId again
            } else if (type.equals("ack")) {
                String clientId = frame.getString("clientId");
                if (unacked.remove(clientId) != null) {
                    acked.put(clientId, frame.getJsonNumber("id").longValue());
                }
            }
        }
        framesRead = frames.size();
        retry.forEach(clientId -> trySend(clientId, unacked.get(clientId)));
        retry.clear();
    }

    /** Applies a message unless it has it already (the skip rule); false when skipped. */
    private boolean apply(long id) {
        if (id <= lastReceived()) {
            return false;
        }
        received.add(id);
        return true;
    }

    public int repeatsAfterResumed() {
        return repeatsAfterResumed;
    }

    private long lastReceived() {
        return received.isEmpty() ? 0 : received.get(received.size() - 1);
    }

    public List<Long> received() {
        return List.copyOf(received);
    }

    public Set<Long> ackedIds() {
        return Set.copyOf(acked.values());
    }

    public int unackedCount() {
        return unacked.size();
    }

    public int sent() {
        return sent;
    }

    public int reconnects() {
        return reconnects;
    }

    public ParleyHttp browser() {
        return browser;
    }

    public void close() {
        socket.close();
    }
}
