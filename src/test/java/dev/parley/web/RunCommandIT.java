package dev.parley.web;

import static dev.parley.web.ChatPage.BODIES;
import static dev.parley.web.ChatPage.COMPOSER;
import static dev.parley.web.ChatPage.LIVE;
import static dev.parley.web.ChatPage.TITLE;
import static dev.parley.web.ChatPage.conversation;
import static dev.parley.web.ChatPage.person;
import static dev.parley.web.ChatPage.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.Browser;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.RunProfile;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parley started the way the README starts it: the {@code run} profile's command line from pom.xml (the same
 * launcher, pre-boot file, flags and context root; only the port is a free one), on its embedded defaults. New
 * people sign up through the pages in Chromium and talk. Then the same command under a context path, as operators
 * deploy it behind a prefix ({@code asadmin deploy --contextroot /chat}).
 */
class RunCommandIT {

    @Test
    void testsDeployParleyWithTheRunCommandsFlagsAndContextRoot() {
        RunProfile run = RunProfile.fromPom();
        List<String> arquillianJvm = Arrays.asList(System.getProperty("payara.cmdOptions", "").split(" "));
        List<String> arquillianMicro = Arrays.asList(System.getProperty("payara.extraMicroOptions", "").split(" "));
        for (String flag : run.jvmArguments()) {
            assertTrue(arquillianJvm.contains(flag), "the Arquillian deployments' JVM lacks " + flag);
        }
        List<String> options = new ArrayList<>(run.microArguments());
        for (String perProcess : List.of("--port", "--deploy")) {
            // The adapter picks the port and names the archive itself.
            options.remove(options.indexOf(perProcess) + 1);
            options.remove(perProcess);
        }
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            int at = arquillianMicro.indexOf(option);
            assertTrue(at >= 0, "the Arquillian deployments lack " + option);
            if (i + 1 < options.size() && !options.get(i + 1).startsWith("--")) {
                assertEquals(options.get(i + 1), arquillianMicro.get(at + 1), option);
                i++;
            }
        }
        assertEquals("true", System.getProperty("payara.clusterEnabled"),
                "else the adapter adds its own cluster flag (it opens a Hazelcast port on every interface; see"
                        + " README): the deployments, like the run command, start with --nohazelcast"
                        + " --disablephonehome only");
    }

    @Test
    void newPeopleSignUpAndChatOnParleyAsTheReadmeRunsIt() throws Exception {
        RunProfile run = RunProfile.fromPom();
        assertEquals("/", run.valueOf("--contextroot"), "the README serves Parley at http://127.0.0.1:8080/");
        try (ParleyProcess parley = ParleyProcess.start("run-command", Map.of(), run)) {
            URI base = parley.base();
            List<String> expected = new ArrayList<>();
            expected.add(run.executable());
            expected.addAll(run.with("--port", Integer.toString(base.getPort())).arguments());
            assertEquals(expected, parley.commandLine(), "the very command line of `mvn -Prun package`");
            assertEquals("/", base.getPath());

            twoNewcomersSignUpAndTalk(base);
            assertTrue(parley.log().contains("WebSocket idle timers run on Parley's own scheduler"),
                    "IdleTimerRedirect still reaches Tyrus's scheduler (a Tyrus upgrade can silently stop it; every"
                            + " frame then costs hundreds of microseconds more, docs/performance.md)");
        }
    }

    @Test
    void everythingWorksUnderAContextPathToo() throws Exception {
        RunProfile underChat = RunProfile.fromPom().with("--contextroot", "/chat");
        try (ParleyProcess parley = ParleyProcess.start("run-command-chat", Map.of(), underChat)) {
            URI base = parley.base();
            assertEquals("/chat/", base.getPath());

            String[] people = twoNewcomersSignUpAndTalk(base);
            try (Browser browser = Browser.open()) {
                browser.visit(base);
                assertEquals("/chat/signin.xhtml", browser.currentPath());
                ChatPage.fillInSignIn(browser, people[0], people[0] + "-password");
                ChatPage.talkTo(browser, people[1], people[1]);
                String room = URI.create(browser.currentUrl()).getQuery();
                assertTrue(room.startsWith("room="), browser.currentUrl());

                // A browser that lost its sign-in (both cookies): the page sends its user to sign in, and sign-in
                // leads back to the same room.
                browser.deleteCookie("JSESSIONID");
                browser.deleteCookie("parley_signin");
                browser.visit(base.resolve("index.xhtml?" + room));
                assertEquals("/chat/signin.xhtml", browser.currentPath());
                String next = URLDecoder.decode(browser.currentUrl().replaceFirst(".*[?&]next=", ""),
                        StandardCharsets.UTF_8);
                assertEquals("/chat/index.xhtml?" + room, next);
                ChatPage.fillInSignIn(browser, people[0], people[0] + "-password");
                assertEquals(base.resolve("index.xhtml?" + room).toString(), browser.currentUrl());
                browser.waitForExactText(BODIES, "Hello from " + people[1]);

                browser.visit(base.resolve("no/such/page"));
                assertEquals("Page not found", browser.waitFor("#error-title").getText());
                assertEquals("grid", browser.script("return getComputedStyle(document.querySelector('main.auth')).display"),
                        "the error page has its stylesheet");
                browser.click("#error-action");
                browser.waitForPresent(LIVE);
                assertEquals("/chat/", browser.currentPath());

                browser.click("#sign-out");
                browser.waitForText("[id='signin']", "Sign in");
                assertEquals("/chat/signin.xhtml", browser.currentPath());
            }
        }
    }

    /**
     * Two people who have never used Parley sign up on its pages, find each other and exchange a message; the
     * first has a second tab open, and signing out in one tab ends the other too. Answers their usernames.
     */
    private static String[] twoNewcomersSignUpAndTalk(URI base) {
        // Screenshots: target/screenshots/run-command-chat.png, run-command-chat-chat.png (under /chat).
        String ada = Names.unique("ada");
        String ben = Names.unique("ben");
        try (Browser adasBrowser = Browser.open(); Browser bensBrowser = Browser.open()) {
            signUp(adasBrowser, base, ada);
            signUp(bensBrowser, base, ben);
            assertEquals("grid", adasBrowser.script("return getComputedStyle(document.getElementById('app')).display"),
                    "the chat page has its stylesheet");

            adasBrowser.waitForPresent(person(ben) + " .presence.online");
            ChatPage.talkTo(adasBrowser, ben, ben);
            send(adasBrowser, "Hello from " + ada);
            bensBrowser.click(conversation(ada));
            bensBrowser.waitForExactText(BODIES, "Hello from " + ada);
            send(bensBrowser, "Hello from " + ben);
            adasBrowser.waitForExactText(BODIES, "Hello from " + ben);
            assertEquals("", adasBrowser.find("#composer-error").getText(), "no request failed");
            assertEquals("", bensBrowser.find("#composer-error").getText(), "no request failed");
            adasBrowser.screenshot("run-command" + base.getPath().replace('/', '-') + "chat");

            String firstTab = adasBrowser.openTab();
            String secondTab = adasBrowser.currentTab();
            adasBrowser.visit(base);
            adasBrowser.waitForPresent(LIVE);
            adasBrowser.switchToTab(firstTab);
            adasBrowser.click("#sign-out");
            adasBrowser.waitForText("[id='signin']", "Sign in");
            adasBrowser.switchToTab(secondTab);
            adasBrowser.waitForText("[id='signin']", "Sign in");
            assertTrue(adasBrowser.currentPath().endsWith("/signin.xhtml"), "the other tab was signed out too");
        }
        return new String[] {ada, ben};
    }

    private static void signUp(Browser browser, URI base, String username) {
        browser.visit(base);
        assertTrue(browser.currentPath().endsWith("/signin.xhtml"), "a stranger is sent to sign in");
        browser.click("[id='signin:register-link']")
                .type("[id='register:username']", username)
                .type("[id='register:password']", username + "-password")
                .click("[id='register:submit']");
        browser.waitForPresent(LIVE);
        assertEquals(username, browser.waitFor("#me").getText(), "no display name given: the username shows");
        assertEquals(base.getPath(), browser.currentPath().replaceFirst("index\\.xhtml$", ""));
    }
}
