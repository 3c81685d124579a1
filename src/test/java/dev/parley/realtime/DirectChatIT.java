package dev.parley.realtime;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.ParleyDeployment;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The chat scenarios on the embedded defaults: SQLite and the in-process bus, as a newcomer runs Parley. */
class DirectChatIT extends ChatScenarios {

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("direct-chat").archive();
    }

    /**
     * On the in-process bus a sender's ack travels with its own copy of the message: one WebSocket frame per
     * message sent instead of two (docs/performance.md). With the Redis bus they may come apart.
     */
    @Test
    void theAckAndTheSendersOwnCopyOfTheMessageComeInOneFrame() {
        try (ChatSocket socket = ChatSocket.open(alice, ChatSocket.Options.defaults().batch())) {
            socket.await("ready");
            for (int i = 1; i <= 3; i++) {
                String clientId = socket.sendMessage(room, "together " + i);
                socket.await(ofType("message").and(has("clientId", clientId)));
                List<JsonObject> carrier = socket.framesByWebSocketMessage().stream()
                        .filter(group -> group.stream().anyMatch(ofType("ack").and(has("clientId", clientId))))
                        .findFirst().orElseThrow();
                assertEquals(List.of("ack", "message"), carrier.stream().map(frame -> frame.getString("type")).toList());
                assertEquals(clientId, carrier.get(1).getString("clientId"));
            }
        }
    }
}
