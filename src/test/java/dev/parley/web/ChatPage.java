package dev.parley.web;

import dev.parley.testing.Browser;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyHttp;
import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.Keys;

/** What the browser tests do on Parley's pages, in a person's words; selectors live here, not in every test. */
final class ChatPage {

    static final String LIVE = "#app[data-connection='live']";
    static final String BANNER = "#connection-status";
    static final String COMPOSER = "#composer-input";
    static final String TITLE = "#conversation-title";
    static final String BODIES = "#message-list li.message .message-body";
    static final String TOMBSTONES = "#message-list li.message .message-tombstone";
    static final String SIDEBAR = "#sidebar";
    static final String MENU_BUTTON = "#menu-button";

    /** Reconnecting waits out a backoff of up to 10 s after the network returns. */
    static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(30);

    private ChatPage() {
    }

    /** A new user, registered over the API (password from {@link ParleyHttp#passwordFor}): their username. */
    static String registered(URI base, String name) {
        String username = Names.unique(name);
        ParleyHttp.newUser(base, username);
        return username;
    }

    static void signIn(Browser browser, URI base, String username) {
        browser.visit(base.resolve("signin.xhtml"));
        fillInSignIn(browser, username);
    }

    /** On the sign-in page already: fills in the form of a user made by {@link ParleyHttp#newUser}. */
    static void fillInSignIn(Browser browser, String username) {
        fillInSignIn(browser, username, ParleyHttp.passwordFor(username));
    }

    static void fillInSignIn(Browser browser, String username, String password) {
        browser.type("[id='signin:username']", username)
                .type("[id='signin:password']", password)
                .click("[id='signin:submit']");
        browser.waitForPresent(LIVE);
    }

    static String person(String username) {
        return "#user-list button.user[data-username='" + username + "']";
    }

    static String conversation(String username) {
        return "#room-list button.room[data-kind='direct'][data-username='" + username + "']";
    }

    static final String GROUP_ROOM = "#room-list button.room[data-kind='group']";

    /** Opens the private conversation with {@code username} from the people list. */
    static void talkTo(Browser browser, String username) {
        talkTo(browser, username, displayNameOf(username));
    }

    static void talkTo(Browser browser, String username, String displayName) {
        browser.click(person(username));
        browser.waitForText(TITLE, displayName);
    }

    /** The display name {@link ParleyHttp#newUser} gives: the username with a capital first letter. */
    static String displayNameOf(String username) {
        return Character.toUpperCase(username.charAt(0)) + username.substring(1);
    }

    /** Types and sends with Enter, as people do, and waits until the server has acked it. */
    static void send(Browser browser, String text) {
        browser.type(COMPOSER, text).press(COMPOSER, Keys.ENTER);
        browser.waitForExactText(mine("sent"), text);
    }

    /** The bodies of our own messages in a delivery state: sending, waiting, failed or sent. */
    static String mine(String delivery) {
        return "#message-list li.message.mine[data-delivery='" + delivery + "'] .message-body";
    }

    static long countOf(Browser browser, String body) {
        return browser.texts(BODIES).stream().filter(body::equals).count();
    }
}
