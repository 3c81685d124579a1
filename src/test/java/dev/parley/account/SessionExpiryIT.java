package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
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

/**
 * A sign-in left idle expires, and every tab of it closes; one in use does not. A deployment of its own, because
 * its sessions last seconds instead of the default 12 hours: the only way to see an expiry without waiting hours.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionExpiryIT {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
    /** Parley looks for idle sign-ins every 5 s (EndedSignIns); their sockets then close at once. */
    private static final Duration EXPIRY_NOTICED_WITHIN = IDLE_TIMEOUT.plusSeconds(5).plusSeconds(2);

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("session-expiry")
                .with("parley.session.idle-timeout", IDLE_TIMEOUT.toString())
                .archive();
    }

    @ArquillianResource
    URL url;

    @Test
    void anIdleSignInExpiresAndEveryTabOfItCloses() throws Exception {
        ParleyHttp browser = ParleyHttp.newUser(url.toURI(), Names.unique("lena"));
        try (ChatSocket firstTab = ChatSocket.open(browser); ChatSocket secondTab = ChatSocket.open(browser)) {
            firstTab.await("ready");
            secondTab.await("ready");
            // Pings keep a socket from being cut as idle, but they are not the person doing anything.
            firstTab.ping();
            secondTab.ping();
            for (ChatSocket tab : List.of(firstTab, secondTab)) {
                assertEquals(1000, tab.awaitClose(EXPIRY_NOTICED_WITHIN), "close code");
                assertEquals("Session expired", tab.closeReason());
            }
        }
        assertEquals(401, browser.me().status(), "the session is gone");
    }

    @Test
    void someoneChattingOverTheSocketStaysSignedIn() throws Exception {
        ParleyHttp browser = ParleyHttp.newUser(url.toURI(), Names.unique("milo"));
        String room = browser.createRoom("Notes", List.of()).expect(201).json().getString("id");
        try (ChatSocket tab = ChatSocket.open(browser)) {
            tab.await("ready");
            long chatUntil = System.nanoTime() + EXPIRY_NOTICED_WITHIN.toNanos();
            int sent = 0;
            while (System.nanoTime() < chatUntil) {
                tab.sendMessage(room, "note " + sent++);
                Thread.sleep(1_000);
            }
            tab.awaitMessages(room, sent);
            assertFalse(tab.isClosed(), "sending over the socket is activity, HTTP requests or not");

            assertEquals(1000, tab.awaitClose(EXPIRY_NOTICED_WITHIN), "idle once the sending stops");
            assertEquals("Session expired", tab.closeReason());
        }
    }
}
