package dev.parley.web;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static dev.parley.web.ChatPage.BODIES;
import static dev.parley.web.ChatPage.COMPOSER;
import static dev.parley.web.ChatPage.GROUP_ROOM;
import static dev.parley.web.ChatPage.LIVE;
import static dev.parley.web.ChatPage.MENU_BUTTON;
import static dev.parley.web.ChatPage.SIDEBAR;
import static dev.parley.web.ChatPage.TITLE;
import static dev.parley.web.ChatPage.TOMBSTONES;
import static dev.parley.web.ChatPage.countOf;
import static dev.parley.web.ChatPage.displayNameOf;
import static dev.parley.web.ChatPage.person;
import static dev.parley.web.ChatPage.registered;
import static dev.parley.web.ChatPage.send;
import static dev.parley.web.ChatPage.signIn;
import static dev.parley.web.ChatPage.talkTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.Browser;
import dev.parley.testing.ChatSocket;
import dev.parley.testing.Json;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What people do on the chat page, in real browsers (Debian's headless Chromium): register, sign in, see who is
 * online, talk privately and in a team room, on a laptop and on a phone. Screenshots of each go to
 * target/screenshots for a person to look at.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatInTheBrowserIT {

    /** An admin by configuration, as an operator names the first admins of a new installation. */
    static final String ADMIN = "ada";

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("browser").with("parley.admin-users", ADMIN).archive();
    }

    @ArquillianResource
    URL url;

    @Test
    void twoPeopleChatPrivatelyInTheirBrowsers() throws Exception {
        URI base = url.toURI();
        String alice = Names.unique("alice");
        String bob = registered(base, "bob");

        try (Browser alicesBrowser = Browser.open()) {
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
            alicesBrowser.waitForPresent(LIVE);
            assertEquals("Alice Liddell", alicesBrowser.waitFor("#me").getText());

            Browser bobsBrowser = Browser.open();
            try {
                signIn(bobsBrowser, base, bob);
                alicesBrowser.waitForPresent(person(bob) + " .presence.online");

                talkTo(alicesBrowser, bob);
                alicesBrowser.type(COMPOSER, "Hello Bob!").press(COMPOSER, Keys.ENTER);
                alicesBrowser.waitForExactText(ChatPage.mine("sent"), "Hello Bob!");

                bobsBrowser.waitForText(ChatPage.conversation(alice) + " .badge", "1");
                bobsBrowser.click(ChatPage.conversation(alice));
                bobsBrowser.waitForExactText(BODIES, "Hello Bob!");

                bobsBrowser.type(COMPOSER, "Hi Alice, good");
                alicesBrowser.waitForText("#typing-indicator", ChatPage.displayNameOf(bob) + " is typing");
                bobsBrowser.press(COMPOSER, " to see you.", Keys.ENTER);
                alicesBrowser.waitForExactText(BODIES, "Hi Alice, good to see you.");
                alicesBrowser.waitForHidden("#typing-indicator:not(:empty)");
                assertEquals(1, countOf(alicesBrowser, "Hi Alice, good to see you."), "each message shows once");
                // Bob renames himself: his message already on Alice's screen says so, as her lists do.
                ParleyHttp.signedIn(base, bob).patch("api/me", Json.obj("displayName", "Bob Builder")).expect(200);
                alicesBrowser.waitForText("#message-list li.message[data-sender='" + bob + "'] .message-sender",
                        "Bob Builder");
                alicesBrowser.waitForText(person(bob), "Bob Builder");

                alicesBrowser.screenshot("desktop-private-chat");
                alicesBrowser.preferDark(true);
                alicesBrowser.screenshot("desktop-private-chat-dark");
                alicesBrowser.preferDark(false);

                bobsBrowser.reload();
                bobsBrowser.waitForPresent(LIVE);
                bobsBrowser.waitForExactText(TITLE, "Alice Liddell");
                bobsBrowser.waitForExactText(BODIES, "Hi Alice, good to see you.");
            } finally {
                bobsBrowser.close();
            }
            alicesBrowser.waitForPresent(person(bob) + " .presence.offline");
        }
    }

    @Test
    void messagesAreTextAndOnlyWebAddressesBecomeLinks() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");

        try (Browser alicesBrowser = Browser.open(); Browser bobsBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            signIn(bobsBrowser, base, bob);
            talkTo(alicesBrowser, bob);
            talkTo(bobsBrowser, alice);

            String markup = "<img src=x onerror=alert(1)>";
            String script = "<script>window.hacked=1</script><b onmouseover=\"window.hacked=1\">bold?</b>";
            String links = "Guide at https://example.com/guide?a=1&b=2. Not javascript:alert(1) nor ftp://example.com";
            send(alicesBrowser, markup);
            send(alicesBrowser, script);
            send(alicesBrowser, links);

            bobsBrowser.waitForExactText(BODIES, links);
            assertFalse(bobsBrowser.alertIsOpen(), "no script in a message ran");
            assertEquals(markup, bobsBrowser.waitForExactText(BODIES, markup).getText(), "markup shows as typed");
            assertEquals(script, bobsBrowser.waitForExactText(BODIES, script).getText());
            assertTrue(bobsBrowser.texts("#message-list img, #message-list script, #message-list b").isEmpty(),
                    "no element was made from a message");
            assertNull(bobsBrowser.script("return window.hacked"), "a body never runs as script");

            WebElement link = bobsBrowser.find("#message-list .message-body a");
            assertEquals("https://example.com/guide?a=1&b=2", link.getAttribute("href"),
                    "the address, without the full stop that ends the sentence");
            assertEquals("https://example.com/guide?a=1&b=2", link.getText());
            assertEquals("noopener noreferrer", link.getAttribute("rel"));
            assertEquals(1, bobsBrowser.texts("#message-list .message-body a").size(),
                    "javascript: and ftp: addresses stay text");
            assertFalse(alicesBrowser.alertIsOpen(), "the sender's page ran nothing either");
            bobsBrowser.screenshot("desktop-markup-shows-as-text");

            // Even script that got into the page some other way does not run: the page's policy refuses it.
            bobsBrowser.script("const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                    + "document.body.appendChild(s);");
            assertNull(bobsBrowser.script("return window.injected"), "the Content-Security-Policy refused it");
            assertFalse(bobsBrowser.cspViolations().isEmpty(), "and the browser reported the refusal");
            bobsBrowser.forgetCspViolations();
        }
    }

    @Test
    void scrollingUpLoadsHistoryAndJumpToLatestBringsTheReaderBack() throws Exception {
        URI base = url.toURI();
        String alice = Names.unique("alice");
        String bob = Names.unique("bob");
        ParleyHttp alicesHttp = ParleyHttp.newUser(base, alice);
        ParleyHttp bobsHttp = ParleyHttp.newUser(base, bob);
        String room = bobsHttp.direct(alice).expect(200).json().getString("id");

        try (Browser browser = Browser.open(); ChatSocket bobsSocket = ChatSocket.open(bobsHttp)) {
            for (int i = 1; i <= 55; i++) {
                post(bobsSocket, room, "Message " + i);
            }
            signIn(browser, base, alice);
            browser.waitForText(ChatPage.conversation(bob) + " .badge", "55");
            browser.click(ChatPage.conversation(bob));

            // The reader starts at the first unread message, at the top of the first page: the page before loads.
            browser.waitForExactText("#message-list .new-marker", "New messages");
            browser.waitForCount(BODIES, 55);
            browser.waitForText("#back-to-latest", "Jump to latest");
            post(bobsSocket, room, "One more");
            browser.waitForText("#back-to-latest", "1 new message");
            browser.click("#back-to-latest");
            browser.waitForHidden("#back-to-latest");
            browser.waitForExactText(BODIES, "One more");
            browser.waitUntil(() -> alicesHttp.rooms().jsonArray().getJsonObject(0).getInt("unread") == 0);

            browser.reload();
            browser.waitForPresent(LIVE);
            browser.waitForCount(BODIES, 50);
            browser.script("document.getElementById('message-scroller').scrollTop = 0");
            browser.waitForCount(BODIES, 56);
            assertEquals("Message 1", browser.texts(BODIES).get(0));
        }
    }

    /** Posts and waits for the ack, waiting out the send rate limit as a patient bot would. */
    private static void post(ChatSocket socket, String room, String body) throws InterruptedException {
        String clientId = ChatSocket.clientId();
        while (true) {
            socket.sendMessage(room, clientId, body);
            JsonObject answer = socket.await(ChatSocket.ofType("ack").or(ChatSocket.ofType("error"))
                    .and(frame -> clientId.equals(frame.getString("clientId"))));
            if ("ack".equals(answer.getString("type"))) {
                return;
            }
            assertEquals("rate_limited", answer.getString("code"), answer::toString);
            Thread.sleep(200);
        }
    }

    @Test
    void aTabInTheBackgroundCountsUnreadMessagesInItsTitle() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = Names.unique("bob");
        ParleyHttp bobsHttp = ParleyHttp.newUser(base, bob);
        String room = bobsHttp.direct(alice).expect(200).json().getString("id");

        try (Browser browser = Browser.open(); ChatSocket bobsSocket = ChatSocket.open(bobsHttp)) {
            signIn(browser, base, alice);
            talkTo(browser, bob);
            String chat = browser.openTab();
            bobsSocket.sendMessage(room, "Psst");
            bobsSocket.sendMessage(room, "Still there?");
            browser.waitUntil(() -> browser.tabTitles().contains("(2) Chat · Parley"));

            browser.switchToTab(chat);
            browser.waitForExactText(BODIES, "Still there?");
            browser.waitUntil(() -> "Chat · Parley".equals(browser.script("return document.title")));
        }
    }

    @Test
    void theComposerCountsDownNearTheLengthLimit() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");

        try (Browser browser = Browser.open()) {
            signIn(browser, base, alice);
            talkTo(browser, bob);
            browser.type(COMPOSER, "A short note");
            assertFalse(browser.isShown("#composer-counter"), "no counter far from the limit");

            // Typing 4,000 characters key by key takes long; the text is pasted in, the last keys typed.
            browser.script("arguments[0].value = 'x'.repeat(3989)", browser.find(COMPOSER));
            browser.press(COMPOSER, "y");
            browser.waitForText("#composer-counter", "10 characters left");
            browser.press(COMPOSER, "0123456789", "!");
            browser.waitForText("#composer-counter", "1 character too many");
            assertFalse(browser.find("#send-button").isEnabled(), "too long to send");
            browser.press(COMPOSER, Keys.BACK_SPACE);
            browser.waitForText("#composer-counter", "0 characters left");
            browser.press(COMPOSER, Keys.ENTER);
            browser.waitForPresent("#message-list li.message.mine[data-delivery='sent']");
            assertFalse(browser.isShown("#composer-counter"), "the counter goes with the sent text");
        }
    }

    @Test
    void aTeamRoomWithUnreadCountsAnEditAndSearch() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");

        try (Browser alicesBrowser = Browser.open(); Browser bobsBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            signIn(bobsBrowser, base, bob);

            alicesBrowser.click("#new-room-button")
                    .type("#new-room-name", "Launch")
                    .click("#new-room-members input[type=checkbox][value='" + bob + "']")
                    .click("#create-room");
            alicesBrowser.waitForText("#room-list", "Launch");
            bobsBrowser.waitForText("#room-list", "Launch");

            alicesBrowser.click(GROUP_ROOM);
            send(alicesBrowser, "Shipping on Friday");
            bobsBrowser.waitForText(GROUP_ROOM + " .badge", "1");

            alicesBrowser.click("#message-list li.message.mine button.edit-message")
                    .type("#message-list textarea.edit-input", "Shipping on Thursday")
                    .click("#message-list button.save-edit");

            bobsBrowser.click(GROUP_ROOM);
            bobsBrowser.waitForText("#message-list .message-body", "Shipping on Thursday");
            bobsBrowser.waitFor("#message-list .edited-mark");

            bobsBrowser.type("#search-input", "thursday").click("#search-button");
            bobsBrowser.waitForText("#search-hit-list li.search-hit", "Shipping on Thursday");
            bobsBrowser.screenshot("desktop-search-in-a-team-room");
            bobsBrowser.press("#search-input", Keys.ESCAPE);
            bobsBrowser.waitForHidden("#search-results");
        }
    }

    @Test
    void aPublicRoomIsFoundJoinedAndArchived() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");

        try (Browser alicesBrowser = Browser.open(); Browser bobsBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            signIn(bobsBrowser, base, bob);

            alicesBrowser.click("#new-room-button")
                    .type("#new-room-name", "Book club")
                    .type("#new-room-topic", "Reading Dune this month")
                    .click("#new-room-public")
                    .click("#create-room");
            alicesBrowser.waitForExactText(TITLE, "Book club");
            alicesBrowser.waitForExactText("#conversation-topic", "Reading Dune this month");

            bobsBrowser.click("#browse-channels-button").type("#channel-filter", "dune");
            bobsBrowser.waitForText("#channel-list li.channel", "Book club");
            bobsBrowser.waitForText("#channel-list li.channel", "1 member · Reading Dune this month");
            bobsBrowser.screenshot("desktop-public-rooms");
            bobsBrowser.click("#channel-list li.channel button.join-channel");
            bobsBrowser.waitForExactText(TITLE, "Book club");
            bobsBrowser.waitForHidden("#channel-browser");
            send(bobsBrowser, "Chapter one is long");
            alicesBrowser.waitForText(BODIES, "Chapter one is long");
            alicesBrowser.waitForText("#members-summary", "2 members");

            alicesBrowser.click("#members-summary").click("#archive-room");
            alicesBrowser.acceptAlert();
            bobsBrowser.waitForText("#conversation-notice", "This room is archived");
            bobsBrowser.waitUntil(() -> !bobsBrowser.find(COMPOSER).isEnabled());
            bobsBrowser.screenshot("desktop-archived-room");
            bobsBrowser.click(person(alice));
            bobsBrowser.waitUntil(() -> !bobsBrowser.texts("#room-list").toString().contains("Book club"));
        }
    }

    /**
     * Markdown shows as formatting, built from DOM nodes; and a corpus of script-injection attempts (OWASP's filter
     * evasion cases) shows as text: nothing runs, and no element but the formatting's own appears.
     */
    @Test
    void formattingShowsAndNoInjectionAttemptRunsOrLeavesAnElement() throws Exception {
        URI base = url.toURI();
        String alice = Names.unique("alice");
        String bob = registered(base, "bob");
        ParleyHttp alicesHttp = ParleyHttp.newUser(base, alice);
        String room = alicesHttp.direct(bob).expect(200).json().getString("id");
        List<String> corpus = Files.readAllLines(Path.of("src/test/resources/xss/filter-evasion.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        String formatted = "**Plan** for _today_, ~~not~~ `npm test`:\n> quoted\n- [the guide](https://example.org/guide)\n- two";

        try (Browser bobsBrowser = Browser.open(); ChatSocket alicesSocket = ChatSocket.open(alicesHttp)) {
            alicesSocket.await("ready");
            alicesSocket.await(ofType("ack").and(has("clientId", alicesSocket.sendMessage(room, formatted))));
            // Ten lines to a message: five messages, and every line still goes through the whole formatting.
            for (int from = 0; from < corpus.size(); from += 10) {
                String group = String.join("\n", corpus.subList(from, Math.min(from + 10, corpus.size())));
                alicesSocket.await(ofType("ack").and(has("clientId", alicesSocket.sendMessage(room, group))));
            }
            signIn(bobsBrowser, base, bob);
            bobsBrowser.script("window.alert = window.confirm = window.prompt = () => { window.ran = true; };");
            talkTo(bobsBrowser, alice);
            bobsBrowser.waitForText("#message-list", "example.org/\"onmouseover");

            bobsBrowser.waitForExactText("#message-list .message-body strong", "Plan");
            bobsBrowser.waitForExactText("#message-list .message-body em", "today");
            bobsBrowser.waitForExactText("#message-list .message-body del", "not");
            bobsBrowser.waitForExactText("#message-list .message-body code", "npm test");
            bobsBrowser.waitForExactText("#message-list .message-body blockquote", "quoted");
            assertEquals(List.of("the guide", "two"), bobsBrowser.texts("#message-list .message-body ul li")
                    .subList(0, 2));
            assertEquals("https://example.org/guide",
                    bobsBrowser.find("#message-list .message-body li a").getAttribute("href"));
            bobsBrowser.screenshot("desktop-formatting");

            String shown = String.join("\n", bobsBrowser.texts(BODIES));
            for (String attempt : List.of("<script>alert(1)</script>", "<svg/onload=alert('XSS')>",
                    "<a href=\"javascript:alert(1)\">click</a>", "[click](javascript:alert(1))")) {
                assertTrue(shown.contains(attempt), () -> "shows as typed: " + attempt);
            }
            @SuppressWarnings("unchecked")
            List<String> strangers = (List<String>) bobsBrowser.script(String.join("\n",
                    "const allowed = {P: [], BR: [], STRONG: [], EM: [], DEL: [], CODE: [], PRE: [], BLOCKQUOTE: [],",
                    "  UL: [], OL: ['start'], LI: [], A: ['href', 'target', 'rel'], SPAN: ['class']};",
                    "const found = [];",
                    "for (const node of document.querySelectorAll('#message-list .message-body *')) {",
                    "  const attributes = allowed[node.tagName];",
                    "  if (!attributes) found.push(node.outerHTML);",
                    "  for (const attribute of node.attributes) {",
                    "    if (!attributes?.includes(attribute.name)) found.push(node.tagName + ' ' + attribute.name);",
                    "  }",
                    "  if (node.tagName === 'A' && !/^https?:/.test(node.href)) found.push(node.href);",
                    "}",
                    "return found;"));
            assertEquals(List.of(), strangers, "only the formatting's elements, attributes and web addresses");
            assertFalse(bobsBrowser.alertIsOpen());
            assertNull(bobsBrowser.script("return window.ran"), "nothing in a message ran");
            assertEquals(List.of(), bobsBrowser.cspViolations(), "nor tried to");
        }
    }

    @Test
    void aMentionIsSuggestedWhileTypingAndStandsOutForThePersonNamed() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");
        String carol = registered(base, "carol");
        ParleyHttp alicesHttp = ParleyHttp.signedIn(base, alice);
        String room = alicesHttp.createRoom("Standup", List.of(bob, carol)).expect(201).json().getString("id");

        try (Browser alicesBrowser = Browser.open(); Browser bobsBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            signIn(bobsBrowser, base, bob);
            alicesBrowser.click("#room-list button.room[data-room='" + room + "']");
            alicesBrowser.waitForExactText(TITLE, "Standup");
            alicesBrowser.type(COMPOSER, "Morning @" + bob.substring(0, 3));
            alicesBrowser.waitForText("#mention-suggestions li[aria-selected='true']", "@" + bob);
            alicesBrowser.screenshot("desktop-mention-suggestions");
            alicesBrowser.press(COMPOSER, Keys.ENTER);
            assertEquals("Morning @" + bob + " ", alicesBrowser.find(COMPOSER).getAttribute("value"),
                    "Enter took the suggestion and sent nothing");
            alicesBrowser.press(COMPOSER, "can you demo?", Keys.ENTER);

            String roomEntry = "#room-list button.room[data-room='" + room + "']";
            bobsBrowser.waitForExactText(roomEntry + " .mention-badge", "@1");
            assertTrue(bobsBrowser.find(roomEntry).getAttribute("aria-label").contains("1 mention"));
            bobsBrowser.click(roomEntry);
            bobsBrowser.waitForExactText("#message-list .message-body .mention-me", "@" + bob);
            bobsBrowser.waitForHidden(roomEntry + " .mention-badge");
        }
    }

    @Test
    void aReactionIsSeenLiveAndTakenBack() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");

        try (Browser alicesBrowser = Browser.open(); Browser bobsBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            signIn(bobsBrowser, base, bob);
            talkTo(alicesBrowser, bob);
            send(alicesBrowser, "We shipped it");
            talkTo(bobsBrowser, alice);
            bobsBrowser.waitForText(BODIES, "We shipped it");

            bobsBrowser.click("#message-list li.message:not(.mine) button.react-message")
                    .click("#message-list .reaction-picker button.pick-reaction[data-emoji='\uD83C\uDF89']");
            String party = "#message-list li.message .reaction[data-emoji='\uD83C\uDF89']";
            bobsBrowser.waitForExactText(party, "\uD83C\uDF89 1");
            bobsBrowser.waitUntil(() -> "true".equals(attribute(bobsBrowser, party, "aria-pressed")));
            alicesBrowser.waitForExactText(party, "\uD83C\uDF89 1");
            assertEquals("false", attribute(alicesBrowser, party, "aria-pressed"));
            assertEquals(displayNameOf(bob) + " reacted with \uD83C\uDF89", attribute(alicesBrowser, party, "title"),
                    "who reacted shows on hover");
            // A long press on a touch screen opens the context menu: who reacted shows in a bubble.
            alicesBrowser.script("arguments[0].dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, cancelable: true}))",
                    alicesBrowser.find(party));
            alicesBrowser.waitForExactText("#message-list .reaction-who", displayNameOf(bob) + " reacted with \uD83C\uDF89");
            alicesBrowser.screenshot("desktop-reaction");

            alicesBrowser.click(party);
            bobsBrowser.waitForExactText(party, "\uD83C\uDF89 2");
            bobsBrowser.click(party);
            alicesBrowser.waitForExactText(party, "\uD83C\uDF89 1");
            alicesBrowser.waitUntil(() -> "true".equals(attribute(alicesBrowser, party, "aria-pressed")));
        }
    }

    @Test
    void twoPeopleTalkInAThreadBesideTheRoom() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");
        ParleyHttp alicesHttp = ParleyHttp.signedIn(base, alice);
        String room = alicesHttp.createRoom("Planning", List.of(bob)).expect(201).json().getString("id");
        String roomEntry = "#room-list button.room[data-room='" + room + "']";
        String threadBodies = "#thread-list li.message .message-body";
        String newestInThread = "#thread-list li.message:last-child .message-body";
        String summary = "#message-list li.message .thread-summary";

        try (Browser alicesBrowser = Browser.open(); Browser bobsBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            signIn(bobsBrowser, base, bob);
            alicesBrowser.click(roomEntry);
            alicesBrowser.waitForExactText(TITLE, "Planning");
            send(alicesBrowser, "Who takes the demo?");
            bobsBrowser.click(roomEntry);
            bobsBrowser.waitForText(BODIES, "Who takes the demo?");

            bobsBrowser.click("#message-list li.message:not(.mine) button.reply-message");
            bobsBrowser.waitForText(threadBodies, "Who takes the demo?");
            bobsBrowser.press("#thread-input", "I will, on **Friday**", Keys.ENTER);
            bobsBrowser.waitForExactText("#thread-list li.message.mine .message-body strong", "Friday");
            alicesBrowser.waitForText(summary, "1 reply");
            assertEquals(List.of("Who takes the demo?"), alicesBrowser.texts(BODIES), "the reply stays in its thread");

            alicesBrowser.click(summary);
            alicesBrowser.waitForText(newestInThread, "I will, on Friday");
            // The thread's composer suggests people to mention, as the room's does.
            alicesBrowser.type("#thread-input", "Thanks @" + bob.substring(0, 3));
            alicesBrowser.waitForText("#thread-mention-suggestions li[aria-selected='true']", "@" + bob);
            alicesBrowser.press("#thread-input", Keys.ENTER);
            assertEquals("Thanks @" + bob + " ", alicesBrowser.find("#thread-input").getAttribute("value"),
                    "Enter took the suggestion and sent nothing");
            alicesBrowser.press("#thread-input", "for it", Keys.ENTER);
            bobsBrowser.waitForText(newestInThread, "Thanks @" + bob + " for it");
            bobsBrowser.waitForExactText("#thread-list .message-body .mention-me", "@" + bob);
            bobsBrowser.waitForText(summary, "2 replies");
            alicesBrowser.screenshot("desktop-thread");

            bobsBrowser.reload();
            bobsBrowser.waitForText(summary, "2 replies");
            assertEquals(List.of("Who takes the demo?"), bobsBrowser.texts(BODIES));
            bobsBrowser.click(summary);
            bobsBrowser.waitForCount("#thread-list li.message", 3);
            assertEquals(List.of("Who takes the demo?", "I will, on Friday", "Thanks @" + bob + " for it"),
                    bobsBrowser.texts(threadBodies));
        }
    }

    @Test
    void anImageIsUploadedWithItsProgressAndShowsAsAPreview() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");
        Path picture = Files.createTempFile("sunset-", ".png");
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = image.createGraphics();
        paint.setColor(new Color(0xE0, 0x70, 0x30));
        paint.fillRect(0, 0, 120, 80);
        paint.dispose();
        ImageIO.write(image, "png", picture.toFile());
        Path notes = Files.writeString(Files.createTempFile("notes-", ".html"), "<script>alert('x')</script>");

        try (Browser alicesBrowser = Browser.open(); Browser bobsBrowser = Browser.open()) {
            signIn(alicesBrowser, base, alice);
            signIn(bobsBrowser, base, bob);
            talkTo(alicesBrowser, bob);
            alicesBrowser.chooseFile("#file-input", picture);
            alicesBrowser.waitForPresent("#attachments li.attachment.done");
            alicesBrowser.chooseFile("#file-input", notes);
            alicesBrowser.waitForCount("#attachments li.attachment.done", 2);
            alicesBrowser.press(COMPOSER, "The sunset", Keys.ENTER);
            alicesBrowser.waitForHidden("#attachments");

            talkTo(bobsBrowser, alice);
            String preview = "#message-list li.message .file-preview img";
            bobsBrowser.waitForPresent(preview);
            bobsBrowser.waitUntil(() -> Long.valueOf(120).equals(bobsBrowser.script(
                    "return document.querySelector(arguments[0]).naturalWidth", preview)));
            assertEquals(picture.getFileName().toString(), bobsBrowser.find(preview).getAttribute("alt"));
            String download = "#message-list li.message .file-download";
            assertTrue(bobsBrowser.find(download).getText().startsWith(notes.getFileName().toString()));
            assertTrue(bobsBrowser.find(download).getAttribute("href").endsWith("?download=true"));
            bobsBrowser.waitForText(BODIES, "The sunset");
            bobsBrowser.screenshot("desktop-image-upload");
            alicesBrowser.waitForPresent(preview);
        }
    }

    /** Read in one step in the page: live updates replace the element between a lookup and a read. */
    private static String attribute(Browser browser, String cssSelector, String name) {
        return (String) browser.script("return document.querySelector(arguments[0])?.getAttribute(arguments[1])",
                cssSelector, name);
    }

    @Test
    void onAPhoneTheConversationFillsTheScreenAndTheSidebarIsAMenu() throws Exception {
        URI base = url.toURI();
        String alice = registered(base, "alice");
        String bob = registered(base, "bob");

        try (Browser phone = Browser.openPhone()) {
            signIn(phone, base, alice);
            assertEquals(390L, phone.script("return window.innerWidth"), "a phone-sized page");
            assertFalse(phone.isShown(SIDEBAR), "no room for the sidebar beside the conversation");
            assertTrue(phone.isShown(MENU_BUTTON), "the menu button stands in for it");
            assertEquals("false", phone.find(MENU_BUTTON).getAttribute("aria-expanded"));

            phone.click(MENU_BUTTON);
            phone.waitFor(SIDEBAR);
            assertEquals("true", phone.find(MENU_BUTTON).getAttribute("aria-expanded"));
            phone.screenshot("phone-menu");
            phone.press(person(bob), Keys.ESCAPE);
            phone.waitForHidden(SIDEBAR);

            phone.click(MENU_BUTTON);
            talkTo(phone, bob);
            phone.waitForHidden(SIDEBAR);
            Number conversationWidth = (Number) phone.script(
                    "return document.querySelector('.conversation').getBoundingClientRect().width");
            assertEquals(390, conversationWidth.intValue(), "the conversation takes the whole width");

            send(phone, "Sent from my phone");
            phone.screenshot("phone-conversation");
            phone.preferDark(true);
            phone.screenshot("phone-conversation-dark");
        }
    }

    @Test
    void anAdminRemovesAMessageAndDisablesSomeoneFromTheConsole() throws Exception {
        URI base = url.toURI();
        ParleyHttp.newUser(base, ADMIN);
        String bob = registered(base, "bob");
        String carol = registered(base, "carol");
        String roomName = Names.unique("Lobby");
        ParleyHttp.signedIn(base, bob).createRoom(roomName, List.of(carol)).expect(201);

        try (Browser bobsBrowser = Browser.open(); Browser adasBrowser = Browser.open()) {
            signIn(bobsBrowser, base, bob);
            assertFalse(bobsBrowser.isShown("#admin-link"), "only admins see the console's link");
            bobsBrowser.click(GROUP_ROOM);
            bobsBrowser.waitForText(TITLE, roomName);
            send(bobsBrowser, "<b>something rude</b>");

            signIn(adasBrowser, base, ADMIN);
            adasBrowser.click("#admin-link");
            adasBrowser.waitForText(".admin-title", "Parley admin");

            adasBrowser.click("li.ui-tabs-header a[href$='rooms-tab']");
            adasBrowser.type("[id='tabs:rooms:query']", roomName).click("[id='tabs:rooms:search']");
            adasBrowser.waitForText("[id='tabs:rooms:list']", roomName);
            adasBrowser.click("[id='tabs:rooms:list:0:open']");
            adasBrowser.waitForText("[id='tabs:rooms:room-messages']", "<b>something rude</b>");
            adasBrowser.screenshot("admin-console-rooms");
            adasBrowser.click("[id='tabs:rooms:room-messages:0:remove-message']");
            adasBrowser.waitForText("[id='tabs:rooms:room-messages']", "Removed by a moderator");
            bobsBrowser.waitForText(TOMBSTONES, "This message was removed by a moderator");

            adasBrowser.click("li.ui-tabs-header a[href$='people-tab']");
            adasBrowser.type("[id='tabs:people:query']", bob).click("[id='tabs:people:search']");
            adasBrowser.waitForText("[id='tabs:people:list']", bob);
            adasBrowser.click("[id='tabs:people:list:0:disable']");
            adasBrowser.click(".ui-confirmdialog-yes");
            adasBrowser.waitForText("[id='tabs:people:list']", "Disabled");
            adasBrowser.screenshot("admin-console-people");

            // Bob's open page learns at once and sends him to sign in, where he is told why he cannot.
            bobsBrowser.waitUntil(() -> bobsBrowser.currentPath().endsWith("/signin.xhtml"));
            bobsBrowser.type("[id='signin:username']", bob)
                    .type("[id='signin:password']", ParleyHttp.passwordFor(bob))
                    .click("[id='signin:submit']");
            bobsBrowser.waitForText("[id='signin']", "This account is disabled");
        }
    }
}
