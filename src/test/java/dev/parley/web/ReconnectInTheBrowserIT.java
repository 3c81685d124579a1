package dev.parley.web;

import static dev.parley.web.ChatPage.BANNER;
import static dev.parley.web.ChatPage.BODIES;
import static dev.parley.web.ChatPage.COMPOSER;
import static dev.parley.web.ChatPage.LIVE;
import static dev.parley.web.ChatPage.RECONNECT_PATIENCE;
import static dev.parley.web.ChatPage.TITLE;
import static dev.parley.web.ChatPage.TOMBSTONES;
import static dev.parley.web.ChatPage.countOf;
import static dev.parley.web.ChatPage.displayNameOf;
import static dev.parley.web.ChatPage.fillInSignIn;
import static dev.parley.web.ChatPage.mine;
import static dev.parley.web.ChatPage.registered;
import static dev.parley.web.ChatPage.send;
import static dev.parley.web.ChatPage.signIn;
import static dev.parley.web.ChatPage.talkTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.Browser;
import dev.parley.testing.Json;
import dev.parley.testing.ChatSocket;
import dev.parley.testing.Names;
import dev.parley.testing.NetworkCable;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

/**
 * The chat page when things go wrong: the network drops, the session ends, an address leads nowhere. The page
 * must recover by itself, lose nothing, repeat nothing, and never show the container's own error pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReconnectInTheBrowserIT {

    /**
     * A user may post 5 messages at once, then one every 3.3 s: typing quickly runs into the limit, and no token
     * comes back while the test types (at one a second, one sometimes did between two refused messages on a busy
     * machine, and the later one was stored first).
     */
    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("browser-reconnect")
                .with("parley.send.burst", "5")
                .with("parley.send.rate-per-second", "0.3")
                .archive();
    }

    private static final String PARTY = "\uD83C\uDF89";

    @ArquillianResource
    URL url;

    /**
     * Alice's browser reaches Parley through a {@link NetworkCable}; pulling it resets her connections on both
     * sides, so Parley really loses her WebSocket. Bob, connected directly, writes while she is gone and adds her
     * to a new room, and she writes too; once the cable is back her page reconnects and resumes on its own.
     */
    @Test
    void aDroppedConnectionComesBackWithNothingMissedOrRepeated() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = Names.unique("bob");
        ParleyHttp bobsHttp = ParleyHttp.newUser(base, bob);
        String room = bobsHttp.direct(alice).expect(200).json().getString("id");

        try (NetworkCable cable = NetworkCable.to(base); Browser alicesBrowser = Browser.open();
                ChatSocket bobsSocket = ChatSocket.open(bobsHttp)) {
            signIn(alicesBrowser, cable.base(), alice);
            talkTo(alicesBrowser, bob);
            long asked = acked(bobsSocket, bobsSocket.sendMessage(room, "Are you there?"));
            long early = acked(bobsSocket, bobsSocket.sendMessage(room, "Wrong chat, sorry"));
            alicesBrowser.waitForExactText(BODIES, "Wrong chat, sorry");

            alicesBrowser.type(COMPOSER, "Sorry, I was in a");
            cable.unplug();
            alicesBrowser.waitForText(BANNER, "Connection lost");
            List<String> missed = List.of("Missed one", "Missed two", "Missed three");
            for (String text : missed) {
                acked(bobsSocket, bobsSocket.sendMessage(room, text));
            }
            bobsHttp.createRoom("Plans while away", List.of(alice)).expect(201);
            // Changes to messages she already shows: her page's resume asks for the room's changes since the last
            // it had, and is told each changed message as it is now; no history is read again.
            bobsHttp.patch("api/rooms/" + room + "/messages/" + asked, Json.obj("body", "Are you there? Call me"))
                    .expect(200);
            bobsHttp.delete("api/rooms/" + room + "/messages/" + early).expect(204);
            bobsHttp.put("api/rooms/" + room + "/messages/" + asked + "/reactions/"
                    + URLEncoder.encode(PARTY, StandardCharsets.UTF_8)).expect(200);
            alicesBrowser.press(COMPOSER, " tunnel", Keys.ENTER);
            alicesBrowser.waitForExactText(mine("waiting"), "Sorry, I was in a tunnel");
            alicesBrowser.screenshot("desktop-connection-lost");

            cable.plugIn();
            alicesBrowser.waitForPresent(LIVE, RECONNECT_PATIENCE);
            alicesBrowser.waitForHidden(BANNER);
            alicesBrowser.waitForExactText(mine("sent"), "Sorry, I was in a tunnel");
            alicesBrowser.waitForExactText(BODIES, "Missed three");
            for (String text : missed) {
                assertEquals(1, countOf(alicesBrowser, text), () -> "\"" + text + "\" once");
            }
            alicesBrowser.waitForExactText(TOMBSTONES, "This message was deleted");
            alicesBrowser.waitForExactText("#message-list li.message .reaction[data-emoji='" + PARTY + "']",
                    PARTY + " 1");
            assertEquals(List.of("Are you there? Call me", "Missed one", "Missed two", "Missed three",
                    "Sorry, I was in a tunnel"), alicesBrowser.texts(BODIES),
                    "every message once, in order, as it is now");
            // Joined while away, and nothing said in it yet: the page asks for its rooms again on reconnecting.
            alicesBrowser.waitForText("#room-list", "Plans while away");

            bobsSocket.await(frame -> "message".equals(frame.getString("type"))
                    && "Sorry, I was in a tunnel".equals(frame.getString("body")));
            long stored = bobsHttp.history(room, null, 50).expect(200).jsonArray().stream()
                    .map(message -> ((JsonObject) message).getString("body"))
                    .filter("Sorry, I was in a tunnel"::equals).count();
            assertEquals(1, stored, "the message written while offline is stored once");
            alicesBrowser.screenshot("desktop-reconnected");
        }
    }

    @Test
    void aRefusedMessageCanBeSentAgainAndIsStoredOnce() throws Exception {
        URI base = url.toURI();
        String alice = Names.unique("alice");
        String bob = registered(base, "bob");
        ParleyHttp alicesHttp = ParleyHttp.newUser(base, alice);
        String room = alicesHttp.direct(bob).expect(200).json().getString("id");
        List<String> quickOnes = java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(i -> "Quick " + i).toList();

        try (Browser alicesBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            talkTo(alicesBrowser, bob);
            for (String text : quickOnes) {
                alicesBrowser.type(COMPOSER, text).press(COMPOSER, Keys.ENTER);
            }
            alicesBrowser.waitForPresent("#message-list li.message.mine[data-delivery='failed'] button.retry-send");
            alicesBrowser.screenshot("desktop-send-refused");

            // As a person would: press Retry on the first refused message until none is left.
            alicesBrowser.waitUntil(() -> {
                alicesBrowser.clickIfShown("#message-list li.message.mine[data-delivery='failed'] button.retry-send");
                return alicesBrowser.texts(mine("sent")).size() == quickOnes.size();
            });
            assertEquals(quickOnes, alicesBrowser.texts(mine("sent")), "each once, in the order written");
            List<String> stored = alicesHttp.history(room, null, 50).expect(200).jsonArray().stream()
                    .map(message -> ((JsonObject) message).getString("body")).toList();
            assertEquals(quickOnes, stored, "stored once each, retries included");
        }
    }

    /** The stored message's id. */
    private static long acked(ChatSocket socket, String clientId) {
        return socket.await(frame -> "ack".equals(frame.getString("type"))
                && clientId.equals(frame.getString("clientId"))).getJsonNumber("id").longValue();
    }

    /**
     * The session ends on the server while the page is open (as at expiry; here the test signs that session
     * out with the browser's own cookie). The page notices, sends Alice to sign in, and brings her back to
     * the conversation she had open.
     */
    @Test
    void anEndedSessionLeadsToSignInAndBackToTheSameConversation() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");

        try (Browser alicesBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            talkTo(alicesBrowser, bob);
            send(alicesBrowser, "Back in a minute");
            String conversation = alicesBrowser.currentUrl();
            assertTrue(conversation.contains("room="), "the open conversation is in the address: " + conversation);

            assertEquals(204, endSession(base, alicesBrowser.cookie("JSESSIONID")));

            alicesBrowser.waitForText("[id='signin']", "Sign in");
            assertTrue(alicesBrowser.currentPath().endsWith("/signin.xhtml"));
            String next = URLDecoder.decode(alicesBrowser.currentUrl().replaceFirst(".*[?&]next=", ""),
                    StandardCharsets.UTF_8);
            assertEquals(URI.create(conversation).getRawPath() + "?" + URI.create(conversation).getRawQuery(), next,
                    "sign-in knows where she was");

            fillInSignIn(alicesBrowser, alice);
            assertEquals(conversation, alicesBrowser.currentUrl());
            alicesBrowser.waitForExactText(TITLE, displayNameOf(bob));
            alicesBrowser.waitForExactText(BODIES, "Back in a minute");
        }
    }

    @Test
    void signingInLeadsToThePageAskedForButNeverToAnotherSite() throws Exception {
        URI base = url.toURI();
        String alice = Names.unique("alice");
        ParleyHttp alicesHttp = ParleyHttp.newUser(base, alice);
        String room = alicesHttp.createRoom("Reading group", List.of()).expect(201).json().getString("id");

        try (Browser browser = Browser.open()) {
            browser.visit(base.resolve("index.xhtml?room=" + room));
            assertTrue(browser.currentPath().endsWith("/signin.xhtml"), "a stranger is sent to sign in");
            browser.waitFor("[id='signin:username']");
            browser.screenshot("desktop-sign-in");
            browser.preferDark(true);
            browser.screenshot("desktop-sign-in-dark");
            browser.preferDark(false);
            fillInSignIn(browser, alice);
            assertTrue(browser.currentUrl().endsWith("/index.xhtml?room=" + room), browser.currentUrl());
            browser.waitForExactText(TITLE, "Reading group");
            browser.click("#sign-out");
            browser.waitForText("[id='signin']", "Sign in");

            // Addresses of other hosts (on loopback, so nothing leaves this machine even if the check failed).
            for (String elsewhere : List.of("//127.0.0.1:9/x", "http://127.0.0.1:9/x", "/\\127.0.0.1:9/x")) {
                browser.visit(base.resolve("signin.xhtml?next=" + java.net.URLEncoder.encode(elsewhere,
                        StandardCharsets.UTF_8)));
                fillInSignIn(browser, alice);
                assertEquals(base.getPort(), URI.create(browser.currentUrl()).getPort(), "stayed on Parley");
                assertTrue(browser.currentPath().endsWith("/index.xhtml"), browser.currentUrl());
                browser.click("#sign-out");
                browser.waitForText("[id='signin']", "Sign in");
            }
        }
    }

    @Test
    void errorsShowParleysOwnPages() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");

        try (Browser browser = Browser.open()) {
            browser.visit(base.resolve("error/404.xhtml"));
            assertEquals("Page not found", browser.waitFor("#error-title").getText(), "shown without signing in");
            browser.visit(base.resolve("error/500.xhtml"));
            assertEquals("Something went wrong", browser.waitFor("#error-title").getText());

            // The sign-in form was kept in a session that is gone by the time it is sent.
            browser.visit(base.resolve("signin.xhtml"));
            browser.waitFor("[id='signin:username']");
            browser.deleteCookie("JSESSIONID");
            browser.type("[id='signin:username']", alice)
                    .type("[id='signin:password']", ParleyHttp.passwordFor(alice))
                    .click("[id='signin:submit']");
            assertEquals("Your session has ended", browser.waitFor("#error-title").getText());
            browser.click("#error-action");
            browser.waitFor("[id='signin:username']");

            signIn(browser, base, alice);
            browser.visit(base.resolve("no-such-page.xhtml"));
            assertEquals("Page not found", browser.waitFor("#error-title").getText());
            browser.screenshot("desktop-page-not-found");
            browser.visit(base.resolve("no/such/thing"));
            assertEquals("Page not found", browser.waitFor("#error-title").getText());
            browser.click("#error-action");
            browser.waitForPresent(LIVE);
        }
    }

    /** DELETE /api/session with a browser's session cookie: that browser's session ends on the server. */
    private static int endSession(URI base, String sessionId) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest signOut = HttpRequest.newBuilder(base.resolve("api/session"))
                .header("Cookie", "JSESSIONID=" + sessionId).DELETE().build();
        return http.send(signOut, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
