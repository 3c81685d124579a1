package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.Browser;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walkthrough a newcomer does, in two real browsers: register, sign in, see who is online, chat. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatInTheBrowserIT {

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("browser").archive();
    }

    @ArquillianResource
    URL url;

    @Test
    void twoPeopleChatPrivatelyInTheirBrowsers() throws Exception {
        URI base = url.toURI();
        String alice = Names.unique("alice");
        String bob = Names.unique("bob");
        ParleyHttp.newUser(base, bob);

        try (Browser alicesBrowser = Browser.open(); Browser bobsBrowser = Browser.open()) {
            alicesBrowser.visit(base);
            assertTrue(alicesBrowser.currentPath().endsWith("/signin.xhtml"), "a stranger is sent to sign in");
            alicesBrowser.click("[id='signin:register-link']")
                    .type("[id='register:username']", "x")
                    .type("[id='register:password']", "short")
                    .click("[id='register:submit']");
            alicesBrowser.waitForText("[id='register']", "A username is 3 to 32 characters");
            alicesBrowser.waitForText("[id='register']", "A password is at least 8 characters");
            alicesBrowser.type("[id='register:username']", alice)
                    .type("[id='register:displayName']", "Alice Liddell")
                    .type("[id='register:password']", "through-the-looking-glass")
                    .click("[id='register:submit']");
            alicesBrowser.waitForPresent("#app[data-connection='live']");
            assertEquals("Alice Liddell", alicesBrowser.waitFor("#me").getText());

            signIn(bobsBrowser, base, bob);

            String bobEntry = "#user-list button.user[data-username='" + bob + "']";
            alicesBrowser.waitForPresent(bobEntry + " .presence.online");
            alicesBrowser.click(bobEntry);
            String script = "<img src=x onerror=\"window.hacked=1\"><script>window.hacked=1</script> Hello Bob!";
            alicesBrowser.type("#composer-input", script).click("#send-button");
            alicesBrowser.waitForPresent("#message-list li.message.mine[data-id]");

            bobsBrowser.click("#user-list button.user[data-username='" + alice + "']");
            assertEquals(script, bobsBrowser.waitForText("#message-list .message-body", "Hello Bob!").getText(),
                    "a body is shown as the text it is");
            assertNull(bobsBrowser.script("return window.hacked"), "a body never runs as script");
            bobsBrowser.screenshot("bob-reads-alice");

            bobsBrowser.type("#composer-input", "Hi Alice, good to see you.").click("#send-button");
            alicesBrowser.waitForText("#message-list", "Hi Alice, good to see you.");
            alicesBrowser.screenshot("alice-chats-with-bob");

            bobsBrowser.reload();
            bobsBrowser.waitForPresent("#app[data-connection='live']");
            bobsBrowser.click("#user-list button.user[data-username='" + alice + "']");
            bobsBrowser.waitForText("#message-list", "Hi Alice, good to see you.");

            bobsBrowser.click("#sign-out");
            alicesBrowser.waitForPresent(bobEntry + " .presence.offline");
        }
    }

    private static void signIn(Browser browser, URI base, String username) {
        browser.visit(base.resolve("signin.xhtml"))
                .type("[id='signin:username']", username)
                .type("[id='signin:password']", ParleyHttp.passwordFor(username))
                .click("[id='signin:submit']");
        browser.waitForPresent("#app[data-connection='live']");
    }

    @Test
    void aTeamRoomWithUnreadCountsAnEditAndSearch() throws Exception {
        URI base = url.toURI();
        String alice = Names.unique("alice");
        String bob = Names.unique("bob");
        ParleyHttp.newUser(base, alice);
        ParleyHttp.newUser(base, bob);

        try (Browser alicesBrowser = Browser.open(); Browser bobsBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            signIn(bobsBrowser, base, bob);

            alicesBrowser.click("#new-room-button")
                    .type("#new-room-name", "Launch")
                    .click("#new-room-members input[type=checkbox][value='" + bob + "']")
                    .click("#create-room");
            alicesBrowser.waitForText("#room-list", "Launch");
            bobsBrowser.waitForText("#room-list", "Launch");

            alicesBrowser.click("#room-list button.room");
            alicesBrowser.type("#composer-input", "Shipping on Friday").click("#send-button");
            alicesBrowser.waitForPresent("#message-list li.message.mine[data-id]");
            bobsBrowser.waitForText("#room-list button.room .badge", "1");

            alicesBrowser.click("#message-list li.message.mine button.edit-message")
                    .type("#message-list textarea.edit-input", "Shipping on Thursday")
                    .click("#message-list button.save-edit");

            bobsBrowser.click("#room-list button.room");
            bobsBrowser.waitForText("#message-list .message-body", "Shipping on Thursday");
            bobsBrowser.waitFor("#message-list .edited-mark");

            bobsBrowser.type("#search-input", "thursday").click("#search-button");
            bobsBrowser.waitForText("#search-hit-list li.search-hit", "Shipping on Thursday");
            bobsBrowser.screenshot("bob-searches-the-team-room");
        }
    }
}
