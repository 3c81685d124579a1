package dev.parley.account;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Json;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * People change what others see of them (display name, status line), live on everyone's page, and change their
 * password, which ends their other sign-ins. On the embedded defaults.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProfilesIT {

    private static final Duration CLOSES_WITHIN = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("profiles").archive();
    }

    @ArquillianResource
    URL url;

    private static JsonObject inDirectory(ParleyHttp reader, String username) {
        return reader.users().expect(200).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(user -> user.getString("username").equals(username)).findFirst().orElseThrow();
    }

    @Test
    void aNewNameAndStatusReachEveryonesPageAtOnce() throws Exception {
        URI base = url.toURI();
        ParleyHttp alice = ParleyHttp.newUser(base, Names.unique("alice"));
        ParleyHttp bob = ParleyHttp.newUser(base, Names.unique("bob"));
        try (ChatSocket alicesSocket = ChatSocket.open(alice); ChatSocket bobsSocket = ChatSocket.open(bob)) {
            alicesSocket.await("ready");
            bobsSocket.await("ready");
            JsonObject me = bob.patch("api/me", Json.obj("displayName", "  Bobby Tables ", "status", "On leave until Monday"))
                    .expect(200).json();
            assertEquals("Bobby Tables", me.getString("displayName"));
            assertEquals("On leave until Monday", me.getString("status"));
            for (ChatSocket socket : new ChatSocket[] {alicesSocket, bobsSocket}) {
                JsonObject told = socket.await(ofType("profile").and(has("user", bob.username())));
                assertEquals("Bobby Tables", told.getString("displayName"));
                assertEquals("On leave until Monday", told.getString("status"));
            }
            assertEquals("On leave until Monday", inDirectory(alice, bob.username()).getString("status"));

            bob.patch("api/me", Json.obj("status", "")).expect(200);
            JsonObject cleared = alicesSocket.await(ofType("profile").and(has("user", bob.username()))
                    .and(frame -> !frame.containsKey("status")));
            assertEquals("Bobby Tables", cleared.getString("displayName"), "a status alone leaves the name");
            assertFalse(inDirectory(alice, bob.username()).containsKey("status"));

            bob.patch("api/me", Json.obj("displayName", "")).expect(200);
            assertEquals(bob.username(), inDirectory(alice, bob.username()).getString("displayName"),
                    "no name: the username shows");
        }
        assertEquals("invalid", bob.patch("api/me", Json.obj("status", "x".repeat(101))).errorCode());
        assertEquals("invalid", bob.patch("api/me", Json.obj("status", "line\nbreak")).errorCode());
        assertEquals("invalid", bob.patch("api/me", Json.obj("displayName", "Bob\u202Eevil")).errorCode());
    }

    @Test
    void changingThePasswordEndsEveryOtherSignInButThisOne() throws Exception {
        URI base = url.toURI();
        String carol = Names.unique("carol");
        ParleyHttp laptop = ParleyHttp.newUser(base, carol);
        ParleyHttp phone = ParleyHttp.signedIn(base, carol);
        String token = laptop.post("api/tokens", Json.obj("name", "bot", "expiresInDays", 1)).expect(201).json()
                .getString("token");
        assertEquals("not_allowed", ParleyHttp.withToken(base, token).put("api/me/password",
                Json.obj("currentPassword", ParleyHttp.passwordFor(carol), "newPassword", "a-new-secret-1")).errorCode(),
                "a token acts for the account but cannot take it over");

        try (ChatSocket phoneSocket = ChatSocket.open(phone); ChatSocket laptopSocket = ChatSocket.open(laptop)) {
            phoneSocket.await("ready");
            laptopSocket.await("ready");
            assertEquals("not_allowed", laptop.put("api/me/password",
                    Json.obj("currentPassword", "not-it-at-all", "newPassword", "a-new-secret-1")).errorCode());
            assertEquals("invalid", laptop.put("api/me/password",
                    Json.obj("currentPassword", ParleyHttp.passwordFor(carol), "newPassword", "short")).errorCode());
            laptop.put("api/me/password", Json.obj("currentPassword", ParleyHttp.passwordFor(carol),
                    "newPassword", "a-new-secret-1")).expect(204);

            phoneSocket.awaitClose(CLOSES_WITHIN);
            assertEquals(401, phone.me().status(), "the phone is signed out");
            assertEquals(200, laptop.me().status(), "the laptop that changed it goes on");
            assertFalse(laptopSocket.isClosed());
        }
        assertEquals(401, new ParleyHttp(base).signIn(carol, ParleyHttp.passwordFor(carol)).status());
        assertEquals(200, new ParleyHttp(base).signIn(carol, "a-new-secret-1").status());
    }

    @Test
    void aPictureShowsForEveryoneAndANewOneReplacesIt() throws Exception {
        URI base = url.toURI();
        ParleyHttp dana = ParleyHttp.newUser(base, Names.unique("dana"));
        ParleyHttp eve = ParleyHttp.newUser(base, Names.unique("eve"));
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        try (ChatSocket evesSocket = ChatSocket.open(eve)) {
            evesSocket.await("ready");
            String first = dana.upload("PUT", "api/me/avatar", "image/png", png).expect(200).json().getString("avatar");
            assertEquals(first, evesSocket.await(ofType("profile").and(has("user", dana.username())))
                    .getString("avatar"));
            assertEquals(first, inDirectory(eve, dana.username()).getString("avatar"));
            java.net.http.HttpResponse<byte[]> picture = eve.download("api/avatars/" + first);
            assertEquals(200, picture.statusCode());
            assertEquals("image/png", picture.headers().firstValue("Content-Type").orElseThrow());
            org.junit.jupiter.api.Assertions.assertArrayEquals(png, picture.body());

            String second = dana.upload("PUT", "api/me/avatar", "image/png", png).expect(200).json().getString("avatar");
            assertFalse(first.equals(second));
            assertEquals(404, eve.download("api/avatars/" + first).statusCode(), "the old picture is gone");
            assertEquals("invalid", dana.upload("PUT", "api/me/avatar", "text/html", "<b>me</b>".getBytes()).errorCode(),
                    "pictures only");
            assertEquals("too_large", dana.upload("PUT", "api/me/avatar", "image/png", new byte[2 * 1024 * 1024 + 1])
                    .errorCode());

            dana.delete("api/me/avatar").expect(204);
            evesSocket.await(ofType("profile").and(has("user", dana.username())).and(f -> !f.containsKey("avatar")));
            assertFalse(inDirectory(eve, dana.username()).containsKey("avatar"));
            assertEquals(404, eve.download("api/avatars/" + second).statusCode());
        }
    }
}
