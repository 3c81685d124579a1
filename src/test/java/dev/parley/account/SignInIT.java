package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registering, signing in and out, and what a stranger is refused. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    /** How soon the sockets of an ended sign-in must close (the promise to users). */
    static final Duration SESSION_END_CLOSES_WITHIN = Duration.ofSeconds(1);

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("sign-in").archive();
    }

    @ArquillianResource
    URL url;

    private URI base() throws Exception {
        return url.toURI();
    }

    @Test
    void newcomerRegistersSignsInAndIsKnown() throws Exception {
        String dana = Names.unique("dana");
        ParleyHttp browser = new ParleyHttp(base());

        var registered = browser.register(dana.toUpperCase(), "long-enough-secret", "Dana Scully").expect(201).json();
        assertEquals(dana, registered.getString("username"), "usernames are kept lower-case");
        assertEquals("Dana Scully", registered.getString("displayName"));

        browser.signIn(dana, "long-enough-secret").expect(200);
        var me = browser.me().expect(200).json();
        assertEquals(dana, me.getString("username"));
        assertEquals("Dana Scully", me.getString("displayName"));
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        String erin = Names.unique("erin");
        ParleyHttp browser = new ParleyHttp(base());
        browser.register(erin, "the-right-password", null).expect(201);

        ParleyHttp.Reply reply = browser.signIn(erin, "the-wrong-password");
        assertEquals(401, reply.status());
        assertEquals("bad_credentials", reply.errorCode());
        assertEquals(401, browser.me().status(), "a failed sign-in signs nobody in");
    }

    @Test
    void takenUsernameIsRefused() throws Exception {
        String frank = Names.unique("frank");
        new ParleyHttp(base()).register(frank, "first-password", null).expect(201);

        ParleyHttp.Reply second = new ParleyHttp(base()).register(frank, "second-password", null);
        assertEquals(409, second.status());
        assertEquals("taken", second.errorCode());
        new ParleyHttp(base()).signIn(frank, "first-password").expect(200);
    }

    @Test
    void badRegistrationsSayWhatIsWrong() throws Exception {
        ParleyHttp browser = new ParleyHttp(base());
        ParleyHttp.Reply shortName = browser.register("ab", "long-enough-secret", null);
        assertEquals(400, shortName.status());
        assertEquals("invalid", shortName.errorCode());
        assertTrue(shortName.json().getString("message").contains("username"));

        ParleyHttp.Reply shortPassword = browser.register(Names.unique("gail"), "seven77", null);
        assertEquals(400, shortPassword.status());
        assertEquals("invalid", shortPassword.errorCode());

        ParleyHttp.Reply notJson = browser.post("api/accounts", null);
        assertEquals(400, notJson.status());
        assertEquals("invalid", notJson.errorCode());
    }

    @Test
    void strangerGetsJsonUnauthorizedFromTheApi() throws Exception {
        ParleyHttp stranger = new ParleyHttp(base());
        for (String path : new String[] {"api/users", "api/me", "api/rooms"}) {
            ParleyHttp.Reply reply = stranger.get(path);
            assertEquals(401, reply.status(), path);
            assertEquals("unauthenticated", reply.errorCode(), path);
        }
        assertEquals(401, stranger.direct("anyone").status());
        assertEquals("unauthenticated", stranger.signOut().errorCode(), "signing out needs someone signed in");
    }

    @Test
    void strangerIsSentToTheSignInPage() throws Exception {
        ParleyHttp stranger = new ParleyHttp(base());
        ParleyHttp.Reply chat = stranger.get("");
        assertEquals(302, chat.status());
        assertEquals(200, stranger.get("signin.xhtml").status());
        assertEquals(200, stranger.get("register.xhtml").status());
    }

    @Test
    void strangerCannotOpenTheWebSocket() throws Exception {
        ParleyHttp stranger = new ParleyHttp(base());
        ChatSocket.Handshake handshake = ChatSocket.tryOpen(stranger, ChatSocket.Options.defaults().withoutCookie());
        assertTrue(handshake.status() == 401 || handshake.status() == 403, "refused, was " + handshake.status());
    }

    @Test
    void pageOfAnotherSiteCannotOpenTheWebSocket() throws Exception {
        ParleyHttp hank = ParleyHttp.newUser(base(), Names.unique("hank"));
        ChatSocket.Handshake foreign = ChatSocket.tryOpen(hank,
                ChatSocket.Options.defaults().origin("https://attacker.example"));
        assertEquals(403, foreign.status());

        try (ChatSocket own = ChatSocket.open(hank)) {
            assertEquals(hank.username(), own.await("ready").getString("user"));
        }
        try (ChatSocket bot = ChatSocket.open(hank, ChatSocket.Options.defaults().withoutOrigin())) {
            bot.await("ready");
        }
    }

    @Test
    void signingOutClosesEveryTabOfThatBrowserButNotOtherDevices() throws Exception {
        String ivy = Names.unique("ivy");
        ParleyHttp laptop = ParleyHttp.newUser(base(), ivy);
        ParleyHttp phone = ParleyHttp.signedIn(base(), ivy);
        try (ChatSocket firstTab = ChatSocket.open(laptop); ChatSocket secondTab = ChatSocket.open(laptop);
                ChatSocket thirdTab = ChatSocket.open(laptop); ChatSocket onThePhone = ChatSocket.open(phone)) {
            for (ChatSocket socket : List.of(firstTab, secondTab, thirdTab, onThePhone)) {
                socket.await("ready");
            }
            firstTab.close();

            assertEquals(204, laptop.signOut().status());
            for (ChatSocket tab : List.of(secondTab, thirdTab)) {
                assertEquals(1000, tab.awaitClose(SESSION_END_CLOSES_WITHIN), "close code");
                assertEquals("Signed out", tab.closeReason());
            }
            assertEquals(401, laptop.me().status(), "the laptop's session is gone");

            String room = phone.createRoom("Notes to self", List.of()).expect(201).json().getString("id");
            onThePhone.sendMessage(room, "still here on the phone");
            onThePhone.awaitMessages(room, 1);
            assertFalse(onThePhone.isClosed(), "another device's sign-in goes on");
        }
    }

    @Test
    void signingInAgainInTheSameBrowserClosesTheSocketsOfTheSignInBefore() throws Exception {
        String jill = Names.unique("jill");
        String kurt = Names.unique("kurt");
        new ParleyHttp(base()).register(kurt, ParleyHttp.passwordFor(kurt), null).expect(201);
        ParleyHttp browser = ParleyHttp.newUser(base(), jill);
        try (ChatSocket firstTab = ChatSocket.open(browser); ChatSocket secondTab = ChatSocket.open(browser)) {
            firstTab.await("ready");
            secondTab.await("ready");

            browser.signIn(jill, ParleyHttp.passwordFor(jill)).expect(200);
            for (ChatSocket tab : List.of(firstTab, secondTab)) {
                assertEquals(1000, tab.awaitClose(SESSION_END_CLOSES_WITHIN), "close code");
                assertEquals("Signed in again", tab.closeReason());
            }
        }
        try (ChatSocket jillsTab = ChatSocket.open(browser)) {
            assertEquals(jill, jillsTab.await("ready").getString("user"), "the new sign-in opens sockets again");

            browser.signIn(kurt, ParleyHttp.passwordFor(kurt)).expect(200);
            assertEquals(1000, jillsTab.awaitClose(SESSION_END_CLOSES_WITHIN));
            assertEquals("Signed in again", jillsTab.closeReason());
        }
        try (ChatSocket kurtsTab = ChatSocket.open(browser)) {
            assertEquals(kurt, kurtsTab.await("ready").getString("user"), "now the browser is Kurt's");
        }
    }

    @Test
    void theSessionCookieStaysOnThisSiteAndPagesCannotBeFramed() throws Exception {
        String kim = Names.unique("kim");
        ParleyHttp browser = new ParleyHttp(base());
        browser.register(kim, "long-enough-secret", null).expect(201);
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        base().resolve("api/session")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + kim + "\",\"password\":\"long-enough-secret\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
                && cookies.stream().anyMatch(cookie -> cookie.startsWith("parley_signin=")), cookies.toString());
        for (String cookie : cookies) {
            assertTrue(cookie.contains("HttpOnly") && cookie.toLowerCase().contains("samesite=lax"), cookie);
        }
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        String jack = Names.unique("jack");
        ParleyHttp browser = new ParleyHttp(base());
        browser.register(jack, "long-enough-secret", null).expect(201);
        browser.get("signin.xhtml");
        String before = browser.sessionCookie();
        browser.signIn(jack, "long-enough-secret").expect(200);
        String after = browser.sessionCookie();
        assertTrue(after.contains("JSESSIONID"), after);
        assertNotEquals(before, after, "the session id planted before sign-in is not the one after");
    }
}
