package dev.parley.message;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import dev.parley.testing.ParleyProcess;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What was said is still there after Parley restarts: a new process and deployment on the same SQLite file. */
class RestartIT {

    @Test
    void messagesSurviveARestart() {
        Path database = ParleyDeployment.freshSqliteFile("restart");
        Map<String, String> settings = Map.of("PARLEY_DB_URL", "jdbc:sqlite:" + database);
        String room;
        List<Long> sent = new ArrayList<>();
        ParleyHttp alice;

        try (ParleyProcess parley = ParleyProcess.start("restart-first", settings)) {
            alice = ParleyHttp.newUser(parley.base(), "alice");
            ParleyHttp.newUser(parley.base(), "bob");
            room = alice.direct("bob").expect(200).json().getString("id");
            try (ChatSocket socket = ChatSocket.open(alice)) {
                socket.await("ready");
                for (String body : List.of("one", "two", "three")) {
                    String clientId = socket.sendMessage(room, body);
                    sent.add(socket.await(ofType("ack").and(has("clientId", clientId))).getJsonNumber("id")
                            .longValue());
                }
            }
        }

        try (ParleyProcess parley = ParleyProcess.start("restart-second", settings)) {
            ParleyHttp bob = ParleyHttp.signedIn(parley.base(), "bob");
            List<JsonObject> history = bob.history(room, null, null).expect(200).jsonArray()
                    .getValuesAs(JsonObject.class);
            assertEquals(sent, history.stream().map(m -> m.getJsonNumber("id").longValue()).toList());
            assertEquals(List.of("one", "two", "three"), history.stream().map(m -> m.getString("body")).toList());
            assertEquals(room, bob.direct("alice").expect(200).json().getString("id"), "still one room per pair");
            assertEquals("alice", alice.at(parley.base()).me().expect(200).json().getString("username"),
                    "Alice's browser is still signed in: redeploying signs nobody out");

            try (ChatSocket socket = ChatSocket.open(bob)) {
                socket.await("ready");
                String clientId = socket.sendMessage(room, "four");
                long next = socket.await(ofType("ack").and(has("clientId", clientId))).getJsonNumber("id")
                        .longValue();
                assertTrue(next > sent.get(2), "ids keep rising across restarts");
            }
        }
    }
}
