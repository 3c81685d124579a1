package dev.parley.web;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.Browser;
import dev.parley.testing.ChatSocket;
import dev.parley.testing.FullServer;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What must be true of Parley's one WAR on a full server (Payara Server, GlassFish), as on Payara Micro: deployed
 * at "/" by the operator's script on a loopback-only domain, people sign up, sign in, chat over HTTP and the
 * WebSocket with {@code parley.batch}, see each other online, search, and use the chat page; then the script takes
 * it off again. Each subclass starts its server in a static {@code @BeforeAll} and sets {@link #server} and
 * {@link #base}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FullServerChecks {

    static FullServer server;
    static URI base;

    /** Whether this server serves the OpenAPI document (MicroProfile OpenAPI): Payara does, GlassFish 8 does not. */
    abstract boolean servesOpenApi();

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Test
    @Order(1)
    void theDomainListensOnLoopbackOnly() {
        List<String> addresses = server.listeningAddresses();
        assertTrue(!addresses.isEmpty());
        for (String address : addresses) {
            assertTrue(address.startsWith("127.0.0.1:") || address.startsWith("[::ffff:127.0.0.1]:"),
                    () -> "a Java process listens on " + address + " (all: " + addresses + ")");
        }
    }

    @Test
    @Order(2)
    void twoPeopleChatOverHttpAndTheBatchedWebSocket() {
        ParleyHttp ann = ParleyHttp.newUser(base, Names.unique("ann"));
        ParleyHttp ben = ParleyHttp.newUser(base, Names.unique("ben"));
        String room = ann.direct(ben.username()).expect(200).json().getString("id");
        try (ChatSocket annSocket = ChatSocket.open(ann, ChatSocket.Options.defaults().batch())) {
            annSocket.await("ready");
            try (ChatSocket benSocket = ChatSocket.open(ben, ChatSocket.Options.defaults().batch())) {
                benSocket.await("ready");
                // What a client that connects reads (presence frames are not replayed): Ben is online for Ann.
                assertTrue(ann.users().expect(200).objects().stream().anyMatch(user ->
                        user.getString("username").equals(ben.username()) && user.getBoolean("online")));

                String clientId = annSocket.sendMessage(room, "hello from a full server");
                JsonObject received = benSocket.await(ofType("message").and(has("clientId", clientId)));
                assertEquals("hello from a full server", received.getString("body"));
                annSocket.await(ofType("ack").and(has("clientId", clientId)));
                benSocket.close();
                annSocket.await(ofType("presence").and(has("user", ben.username())).and(has("online", false)));
            }
        }
        assertEquals(1, ben.history(room, null, null).expect(200).jsonArray().size());
        assertEquals(1, ben.get("api/search?q=full%20server").expect(200).jsonArray().size(), "search finds it");
    }

    @Test
    @Order(3)
    void theChatPageWorksAtTheRoot() {
        String username = Names.unique("cleo");
        ParleyHttp.newUser(base, username);
        try (Browser browser = Browser.open()) {
            browser.visit(base);
            browser.waitForText("[id='signin']", "Sign in");
            ChatPage.fillInSignIn(browser, username);
            assertEquals("/", browser.currentPath().replace("index.xhtml", ""), "the chat page, live, at the root");
        }
    }

    @Test
    @Order(4)
    void theOpenApiDocumentIsThereWhereTheServerHasMicroProfileOpenApi() {
        ParleyHttp reader = ParleyHttp.newUser(base, Names.unique("reader"));
        assertEquals(servesOpenApi() ? 200 : 404, reader.get("openapi?format=JSON").status());
        assertEquals(!servesOpenApi(), server.serverLog().contains("This server has no MicroProfile OpenAPI"),
                "Parley says so in the server's log at start");
    }

    @Test
    @Order(5)
    void theOperatorsScriptTakesParleyOffAgain() {
        server.undeploy();
        assertEquals(404, new ParleyHttp(base).get("signin.xhtml").status());
    }
}
