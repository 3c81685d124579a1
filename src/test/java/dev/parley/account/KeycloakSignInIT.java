package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.Browser;
import dev.parley.testing.Json;
import dev.parley.testing.ParleyHttp;
import dev.parley.testing.ParleyHttp.Page;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.RunProfile;
import dev.parley.testing.TestKeycloak;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parley behind Keycloak, as a company that signs everyone in through it would run it: the README's "Company
 * sign-in" settings, with {@code PARLEY_LOCAL_LOGIN=false} (no passwords kept by Parley, no registration). Keycloak
 * is started from its Maven distribution with the realm in src/test/keycloak ({@link TestKeycloak}); it takes half a
 * minute and 450 MB, so this is its one test class.
 */
class KeycloakSignInIT {

    private static TestKeycloak keycloak;
    private static ParleyProcess parley;

    @BeforeAll
    static void start() {
        int port = ParleyProcess.freeLoopbackPort();
        keycloak = TestKeycloak.start(URI.create("http://127.0.0.1:" + port + "/"));
        parley = ParleyProcess.start("keycloak-sign-in", Map.of(
                "PARLEY_OIDC_ISSUER", keycloak.issuer().toString(),
                "PARLEY_OIDC_CLIENT_ID", TestKeycloak.CLIENT_ID,
                "PARLEY_OIDC_CLIENT_SECRET", TestKeycloak.CLIENT_SECRET,
                "PARLEY_OIDC_PROVIDER_NAME", "Keycloak",
                "PARLEY_OIDC_ADMIN_GROUP", "parley-admins",
                "PARLEY_LOCAL_LOGIN", "false"), RunProfile.fromPom(), port);
    }

    @AfterAll
    static void stop() {
        if (parley != null) {
            parley.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void keycloakPeopleSignInAndItsGroupDecidesWhoIsAnAdmin() {
        ParleyHttp kai = new ParleyHttp(parley.base());
        ParleyHttp lou = new ParleyHttp(parley.base());

        Page kaiLanded = keycloak.signIn(kai, "kai", "kais-keycloak-password");
        keycloak.signIn(lou, "lou", "lous-keycloak-password");

        assertEquals(parley.base().resolve("/"), kaiLanded.uri());
        JsonObject me = kai.me().expect(200).json();
        assertEquals("kai", me.getString("username"));
        assertEquals("Kai Keycloak", me.getString("displayName"), "Keycloak's name claim");
        assertTrue(me.getBoolean("admin"), "in parley-admins");
        assertFalse(lou.me().expect(200).json().getBoolean("admin", false));
        assertEquals("admins_only", lou.get("api/admin/users").expect(403).errorCode());
        kai.direct("lou").expect(200);
    }

    @Test
    void aWrongKeycloakPasswordLeavesTheBrowserAtKeycloak() {
        ParleyHttp guesser = new ParleyHttp(parley.base());

        Page page = keycloak.signIn(guesser, "kai", "not kai's password");

        assertTrue(keycloak.isLoginForm(page), "Keycloak asks again");
        assertEquals(401, guesser.me().status());
    }

    @Test
    void withLocalLoginOffThereIsNoPasswordFormNoPasswordSignInAndNoRegistration() {
        ParleyHttp visitor = new ParleyHttp(parley.base());

        Page signInPage = visitor.browse(parley.base().resolve("signin.xhtml"));

        assertTrue(signInPage.body().contains("Sign in with Keycloak"));
        assertFalse(signInPage.body().contains("signin:password"), "no password form");
        assertFalse(signInPage.body().contains("register-link"), "no registration link");
        assertEquals("password_sign_in_off", visitor.post("api/session",
                Json.obj("username", "kai", "password", "kais-keycloak-password")).expect(403).errorCode());
        assertEquals("registration_closed", visitor.register("newcomer", "a long enough password", "New")
                .expect(403).errorCode());
    }

    @Test
    void signingOutOfParleySignsOutOfKeycloakInTheBrowser() {
        try (Browser browser = Browser.open()) {
            browser.visit(parley.base());
            browser.click("#company-sign-in");
            browser.type("#username", "lou");
            browser.type("#password", "lous-keycloak-password");
            browser.click("#kc-login");
            browser.waitForPresent("#app[data-connection='live']");
            browser.waitForText("#me", "Lou Member");

            browser.click("#sign-out");
            browser.waitForText("#company-sign-in", "Sign in with Keycloak");
            assertEquals("/signin.xhtml", browser.currentPath(), "Keycloak sent the browser back to sign in");

            browser.click("#company-sign-in");
            browser.waitForPresent("#kc-form-login");
            assertTrue(browser.currentUrl().startsWith(keycloak.issuer().toString()),
                    "Keycloak asks for the password again: its session ended with Parley's");
        }
    }
}
