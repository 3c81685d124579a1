package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Json;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Personal access tokens: a bot reads and posts as its person over the API and the WebSocket with
 * {@code Authorization: Bearer}, until its token is revoked (its sockets close at once) or expires.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessTokensIT {

    static final String SQLITE = "access-tokens";
    static final String ADMIN = "tina";
    static final Duration REVOKED_CLOSES_WITHIN = Duration.ofSeconds(1);
    /** Expiry has no event: a node looks every 5 s. */
    static final Duration EXPIRED_CLOSES_WITHIN = Duration.ofSeconds(7);

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite(SQLITE).with("parley.admin-users", ADMIN).archive();
    }

    @ArquillianResource
    URL url;

    private URI base() throws Exception {
        return url.toURI();
    }

    @Test
    void aBotPostsAndReadsWithItsTokenUntilItIsRevoked() throws Exception {
        String alice = Names.unique("alice");
        ParleyHttp alices = ParleyHttp.newUser(base(), alice);
        ParleyHttp bob = ParleyHttp.newUser(base(), Names.unique("bob"));
        String room = bob.direct(alice).expect(200).json().getString("id");

        JsonObject created = alices.post("api/tokens", Json.obj("name", "Deploy bot", "expiresInDays", 30))
                .expect(201).json();
        String secret = created.getString("token");
        assertTrue(secret.startsWith("parley_") && secret.length() > 40, secret);
        JsonObject listed = alices.get("api/tokens").expect(200).objects().get(0);
        assertEquals("Deploy bot", listed.getString("name"));
        assertEquals("active", listed.getString("state"));
        assertFalse(listed.containsKey("token"), "the secret is shown once");

        ParleyHttp bot = ParleyHttp.withToken(base(), secret);
        assertEquals(alice, bot.me().expect(200).json().getString("username"));
        try (ChatSocket botSocket = ChatSocket.open(bot, ChatSocket.Options.defaults().withoutOrigin());
                ChatSocket bobsTab = ChatSocket.open(bob)) {
            botSocket.await("ready");
            bobsTab.await("ready");
            botSocket.sendMessage(room, "Build 42 is out");
            botSocket.await("ack");
            assertEquals(alice, bobsTab.awaitMessages(room, 1).get(0).getString("sender"), "it posts as its person");
            assertEquals("Build 42 is out", bot.history(room, null, null).objects().get(0).getString("body"));

            ParleyHttp.Reply minting = bot.post("api/tokens", Json.obj("name", "another", "expiresInDays", 1));
            assertEquals(403, minting.status(), "a token cannot make tokens");
            assertEquals("not_allowed", minting.errorCode());

            assertEquals("unknown_token", bob.delete("api/tokens/" + listed.getString("id")).errorCode(),
                    "nobody else can revoke it");
            alices.delete("api/tokens/" + listed.getString("id")).expect(204);
            assertEquals(1008, botSocket.awaitClose(REVOKED_CLOSES_WITHIN));
            assertEquals("Token revoked or expired", botSocket.closeReason());
        }
        assertEquals(401, bot.me().status());
        assertEquals(401, ChatSocket.tryOpen(bot, ChatSocket.Options.defaults().withoutOrigin()).status());
        assertEquals("revoked", alices.get("api/tokens").objects().get(0).getString("state"));
        assertEquals(200, alices.me().status(), "her own session goes on");
    }

    @Test
    void anExpiredTokenStopsWorkingAndItsSocketsClose() throws Exception {
        String carol = Names.unique("carol");
        ParleyHttp carols = ParleyHttp.newUser(base(), carol);
        String secret = carols.post("api/tokens", Json.obj("name", "nightly", "expiresInDays", 1)).expect(201)
                .json().getString("token");
        ParleyHttp bot = ParleyHttp.withToken(base(), secret);
        try (ChatSocket botSocket = ChatSocket.open(bot, ChatSocket.Options.defaults().withoutOrigin())) {
            botSocket.await("ready");
            try (Connection database = DriverManager.getConnection(
                    "jdbc:sqlite:" + ParleyDeployment.existingSqliteFile(SQLITE));
                    PreparedStatement expire = database.prepareStatement(
                            "UPDATE access_tokens SET expires_at = ? WHERE username = ?")) {
                database.createStatement().execute("PRAGMA busy_timeout = 5000");
                expire.setLong(1, System.currentTimeMillis() - 1);
                expire.setString(2, carol);
                assertEquals(1, expire.executeUpdate());
            }
            assertEquals(401, bot.me().status());
            assertEquals(1008, botSocket.awaitClose(EXPIRED_CLOSES_WITHIN));
            assertEquals("Token revoked or expired", botSocket.closeReason());
        }
        assertEquals("expired", carols.get("api/tokens").objects().get(0).getString("state"));
    }

    @Test
    void badTokensAndBadRequestsAreRefused() throws Exception {
        String dave = Names.unique("dave");
        ParleyHttp daves = ParleyHttp.newUser(base(), dave);
        for (String wrong : List.of("parley_" + "A".repeat(43), "not-a-token", "")) {
            ParleyHttp.Reply reply = ParleyHttp.withToken(base(), wrong).me();
            assertEquals(401, reply.status(), wrong);
            assertEquals("unauthenticated", reply.errorCode());
        }
        assertEquals("invalid", daves.post("api/tokens", Json.obj("name", "", "expiresInDays", 30)).errorCode());
        assertEquals("invalid", daves.post("api/tokens", Json.obj("name", "x", "expiresInDays", 0)).errorCode());
        assertEquals("invalid", daves.post("api/tokens", Json.obj("name", "x", "expiresInDays", 400)).errorCode());
        assertEquals("invalid", daves.post("api/tokens", Json.obj("name", "x")).errorCode());

        String secret = daves.post("api/tokens", Json.obj("name", "x", "expiresInDays", 7)).expect(201).json()
                .getString("token");
        ParleyHttp admin = new ParleyHttp(base());
        admin.register(ADMIN, ParleyHttp.passwordFor(ADMIN), null);
        admin.signIn(ADMIN, ParleyHttp.passwordFor(ADMIN)).expect(200);
        admin.patch("api/admin/users/" + dave, Json.obj("disabled", true)).expect(200);
        assertEquals(401, ParleyHttp.withToken(base(), secret).me().status(), "a disabled person's tokens stop too");
    }
}
