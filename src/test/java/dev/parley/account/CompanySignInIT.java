package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.Browser;
import dev.parley.testing.ParleyHttp;
import dev.parley.testing.ParleyHttp.Page;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.RunProfile;
import dev.parley.testing.TestDirectory;
import dev.parley.testing.TestIdentityProvider;
import dev.parley.testing.TestIdentityProvider.Person;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A company's people signing in with what the company already runs: an OpenID Connect provider (the npm package
 * oidc-provider, {@link TestIdentityProvider}) and an LDAP directory ({@link TestDirectory}), both on 127.0.0.1, with
 * Parley started by its run command and configured the way an operator does it, by environment variables. Local
 * accounts stay on beside them. Every person here has a name of their own, so the tests do not depend on order.
 */
class CompanySignInIT {

    private static final String ADMINS = "parley-admins";

    private static TestIdentityProvider provider;
    private static TestDirectory directory;
    private static ParleyProcess parley;
    private static final List<Person> people = new ArrayList<>();

    @BeforeAll
    static void start() {
        int port = ParleyProcess.freeLoopbackPort();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        provider = TestIdentityProvider.start(base, List.of());
        directory = TestDirectory.start();
        directory.addGroup(ADMINS);
        directory.addGroup("engineering");
        Map<String, String> settings = new HashMap<>(directory.parleySettings(ADMINS));
        settings.putAll(Map.of(
                "PARLEY_OIDC_ISSUER", provider.issuer().toString(),
                "PARLEY_OIDC_CLIENT_ID", TestIdentityProvider.CLIENT_ID,
                "PARLEY_OIDC_CLIENT_SECRET", TestIdentityProvider.CLIENT_SECRET,
                "PARLEY_OIDC_PROVIDER_NAME", "Acme SSO",
                "PARLEY_OIDC_SCOPES", "openid profile email groups",
                "PARLEY_OIDC_ADMIN_GROUP", ADMINS,
                "PARLEY_OIDC_ALLOWED_DOMAINS", "example.com, Example.org"));
        parley = ParleyProcess.start("company-sign-in", settings, RunProfile.fromPom(), port);
    }

    @AfterAll
    static void stop() {
        if (parley != null) {
            parley.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    private static synchronized Person person(String login, String username, String name, String email,
            boolean verified, String... groups) {
        Person person = new Person(login, "subject-of-" + login, username, name, email, verified, List.of(groups));
        people.removeIf(known -> known.login().equals(login));
        people.add(person);
        provider.setPeople(people);
        return person;
    }

    private static ParleyHttp browser() {
        return new ParleyHttp(parley.base());
    }

    @Test
    void theFirstSignInCreatesThePersonAndTheAdminGroupMakesThemAnAdminUntilTheyLeaveIt() {
        person("ann-login", "Ann", "Ann Example", "ann@example.com", true, ADMINS, "staff");
        ParleyHttp ann = browser();

        Page landed = provider.signIn(ann, "ann-login");

        assertEquals(parley.base().resolve("/"), landed.uri(), "back on the chat page");
        assertEquals(200, landed.status());
        JsonObject me = ann.me().expect(200).json();
        assertEquals("ann", me.getString("username"), "a username from preferred_username, lower-cased");
        assertEquals("Ann Example", me.getString("displayName"));
        assertTrue(me.getBoolean("admin"), "in the admin group");
        JsonObject account = account(ann, "ann");
        assertEquals("oidc", account.getString("signIn"));
        assertTrue(account.getBoolean("adminByGroup"));

        person("ann-login", "Ann", "Ann Renamed", "ann@example.com", true, "staff");
        ParleyHttp laterAnn = browser();
        provider.signIn(laterAnn, "ann-login");

        JsonObject later = laterAnn.me().expect(200).json();
        assertEquals("ann", later.getString("username"), "the same person, the same user");
        assertEquals("Ann Renamed", later.getString("displayName"), "the name follows the provider");
        assertFalse(later.getBoolean("admin", false), "out of the admin group, out of the admin role");
        assertEquals("admins_only", laterAnn.get("api/admin/users").expect(403).errorCode());
        assertEquals("admins_only", ann.get("api/admin/users").expect(403).errorCode(),
                "her earlier session too: the role is read at every request");
    }

    @Test
    void aLocalAccountNamedLikeSomeoneFromTheProviderIsAnotherPerson() {
        ParleyHttp localBob = ParleyHttp.newUser(parley.base(), "bob");
        String secretRoom = localBob.createRoom("Bob's own notes", List.of()).expect(201).json().getString("id");
        person("bob-at-acme", "bob", "Bob from Acme", "bob@example.com", true);
        ParleyHttp acmeBob = browser();

        provider.signIn(acmeBob, "bob-at-acme");

        JsonObject me = acmeBob.me().expect(200).json();
        assertEquals("bob2", me.getString("username"), "bob is taken by the local account");
        assertEquals("Bob from Acme", me.getString("displayName"));
        assertTrue(acmeBob.rooms().expect(200).jsonArray().isEmpty(), "none of the local bob's rooms");
        assertEquals("not_member", acmeBob.history(secretRoom, null, null).expect(403).errorCode());
        assertEquals("bob", localBob.me().expect(200).json().getString("username"), "the local bob is untouched");

        ParleyHttp acmeBobAgain = browser();
        provider.signIn(acmeBobAgain, "bob-at-acme");
        assertEquals("bob2", acmeBobAgain.me().expect(200).json().getString("username"),
                "known by issuer and subject at every later sign-in");
    }

    @Test
    void anAdminLinksThePersonFromTheProviderToTheirEarlierLocalAccount() {
        ParleyHttp localOlga = ParleyHttp.newUser(parley.base(), "olga");
        String olgasRoom = localOlga.createRoom("Olga's plans", List.of()).expect(201).json().getString("id");
        person("olga-at-acme", "olga", "Olga Acme", "olga@example.com", true);
        person("pat-login", "pat", "Pat Admin", "pat@example.com", true, ADMINS);
        ParleyHttp acmeOlga = browser();
        provider.signIn(acmeOlga, "olga-at-acme");
        assertEquals("olga2", acmeOlga.me().expect(200).json().getString("username"));
        ParleyHttp pat = browser();
        provider.signIn(pat, "pat-login");

        JsonObject linked = pat.post("api/admin/users/olga/links", jakarta.json.Json.createObjectBuilder()
                .add("from", "olga2").build()).expect(200).json();

        assertEquals("password+oidc", linked.getString("signIn"));
        assertEquals("account_disabled", acmeOlga.me().expect(403).errorCode(), "the second user is retired");
        ParleyHttp olgaViaAcme = browser();
        provider.signIn(olgaViaAcme, "olga-at-acme");
        assertEquals("olga", olgaViaAcme.me().expect(200).json().getString("username"));
        olgaViaAcme.history(olgasRoom, null, null).expect(200);
        assertEquals("olga", localOlga.me().expect(200).json().getString("username"), "her password still works");
        ParleyHttp.newUser(parley.base(), "quinn");
        assertEquals("invalid", pat.post("api/admin/users/pat/links", jakarta.json.Json.createObjectBuilder()
                .add("from", "quinn").build()).expect(400).errorCode(), "a local account has no company sign-in");
    }

    @Test
    void anIdTokenThatIsForgedExpiredOrForAnotherClientSignsNobodyIn() {
        person("mallory-login", "mallory", "Mallory", "mallory@example.com", true, ADMINS);
        try {
            for (String forgery : List.of("issuer", "audience", "signature", "expired")) {
                provider.forge(forgery);
                ParleyHttp mallory = browser();

                Page landed = provider.signIn(mallory, "mallory-login");

                assertEquals("/signin.xhtml", landed.uri().getPath(), forgery);
                assertEquals("problem=failed", landed.uri().getQuery(), forgery);
                assertTrue(landed.body().contains("Signing in with Acme SSO did not work"), forgery);
                assertEquals("unauthenticated", mallory.me().expect(401).errorCode(), forgery);
            }
        } finally {
            provider.forge("none");
        }
        ParleyHttp honest = browser();
        provider.signIn(honest, "mallory-login");
        assertEquals("mallory", honest.me().expect(200).json().getString("username"),
                "the same person with an honest token signs in");
    }

    @Test
    void peopleWhoseVerifiedEmailIsOutsideTheAllowedDomainsAreTurnedAway() {
        person("carol-login", "carol", "Carol", "carol@elsewhere.net", true);
        person("dave-login", "dave", "Dave", "dave@example.com", false);
        person("erin-login", "erin", "Erin", "erin@EXAMPLE.org", true);

        for (String login : List.of("carol-login", "dave-login")) {
            ParleyHttp outsider = browser();
            Page landed = provider.signIn(outsider, login);
            assertEquals("problem=domain", landed.uri().getQuery(), login);
            assertTrue(landed.body().contains("may not sign in here"), login);
            assertEquals(401, outsider.me().status(), login);
        }
        ParleyHttp erin = browser();
        provider.signIn(erin, "erin-login");
        assertEquals("erin", erin.me().expect(200).json().getString("username"), "domains compare without case");
    }

    @Test
    void aDisabledPersonFromTheProviderCannotSignIn() {
        person("gina-login", "gina", "Gina Admin", "gina@example.com", true, ADMINS);
        person("hank-login", "hank", "Hank", "hank@example.com", true);
        ParleyHttp gina = browser();
        provider.signIn(gina, "gina-login");
        ParleyHttp hank = browser();
        provider.signIn(hank, "hank-login");
        gina.patch("api/admin/users/hank", jakarta.json.Json.createObjectBuilder().add("disabled", true).build())
                .expect(200);

        assertEquals("account_disabled", hank.me().expect(403).errorCode());
        Page landed = provider.signIn(browser(), "hank-login");
        assertEquals("problem=disabled", landed.uri().getQuery());
        assertTrue(landed.body().contains("This account is disabled"));
    }

    @Test
    void signingOutEndsTheSessionAtTheProviderToo() {
        person("ivy-login", "ivy", "Ivy", "ivy@example.com", true);
        ParleyHttp ivy = browser();
        provider.signIn(ivy, "ivy-login");
        ParleyHttp.Page again = ivy.browse(parley.base().resolve("signin/oidc"));
        assertEquals(parley.base().resolve("/"), again.uri(),
                "while the provider's session lasts, a new sign-in needs no password");

        Page confirm = ivy.browse(parley.base().resolve("signout"));

        assertEquals(provider.issuer().getPort(), confirm.uri().getPort(), "on to the provider's sign-out");
        assertEquals(401, ivy.me().status(), "Parley's session is over already");
        Page back = ivy.submit(confirm.formAction(), Map.of("xsrf", hiddenValue(confirm.body(), "xsrf"),
                "logout", "yes"));
        assertEquals("/signin.xhtml", back.uri().getPath(), "the provider sends the browser back to sign in");
        Page fresh = ivy.browse(parley.base().resolve("signin/oidc"));
        assertTrue(provider.isLoginForm(fresh), "the provider asks for the password again: its session ended");
    }

    @Test
    void theSignInPageOffersTheProviderAndTheBrowserGoesThereAndBack() {
        person("judy-login", "judy", "Judy Browser", "judy@example.com", true);
        try (Browser browser = Browser.open()) {
            browser.visit(parley.base());
            browser.waitForText("#company-sign-in", "Sign in with Acme SSO");
            assertTrue(browser.isShown("[id='signin:username']"), "local accounts and LDAP keep the password form");

            browser.click("#company-sign-in");
            browser.type("input[name='login']", "judy-login");
            browser.type("input[name='password']", "any password");
            browser.click("button[type='submit']");

            browser.waitForPresent("#app[data-connection='live']");
            assertEquals("/", browser.currentPath());
            browser.waitForText("#me", "Judy Browser");

            browser.click("#sign-out");
            browser.click("button[name='logout']");
            browser.waitForText("[id='signin']", "Sign in");
            assertEquals("/signin.xhtml", browser.currentPath());
        }
    }

    @Test
    void directoryPeopleSignInWithTheirDirectoryPasswordAndTheAdminGroupMakesThemAdmins() {
        String kimDn = directory.addPerson("kim", "kims-directory-password", "Kim Directory");
        String leeDn = directory.addPerson("lee", "lees-directory-password", "Lee Directory");
        directory.addToGroup(ADMINS, kimDn);
        directory.addToGroup("engineering", leeDn);
        ParleyHttp kim = browser();
        assertEquals(401, kim.signIn("kim", "a wrong password").status());

        JsonObject signedIn = kim.signIn("kim", "kims-directory-password").expect(200).json();

        assertEquals("kim", signedIn.getString("username"));
        assertTrue(kim.me().expect(200).json().getBoolean("admin"), "in the directory's admin group");
        assertEquals("ldap", account(kim, "kim").getString("signIn"));
        ParleyHttp lee = browser();
        lee.signIn("LEE", "lees-directory-password").expect(200);
        assertFalse(lee.me().expect(200).json().getBoolean("admin", false));

        directory.removeFromGroup(ADMINS, kimDn);
        ParleyHttp kimLater = browser();
        kimLater.signIn("kim", "kims-directory-password").expect(200);
        assertFalse(kimLater.me().expect(200).json().getBoolean("admin", false), "left the group, left the role");
    }

    @Test
    void aUsernameWithTheDirectorysFilterCharactersFindsNobody() {
        directory.addPerson("rex", "rexs-directory-password", "Rex Wildcard");

        for (String crafted : List.of("re*", "*", "rex)(uid=*", "rex\\2a")) {
            assertEquals("bad_credentials", browser().signIn(crafted, "rexs-directory-password").expect(401)
                    .errorCode(), crafted);
        }
        browser().signIn("rex", "rexs-directory-password").expect(200);
    }

    @Test
    void localAccountsStillSignInWhileTheDirectoryIsDown() {
        ParleyHttp.newUser(parley.base(), "sam");
        directory.addPerson("tia", "tias-directory-password", "Tia Directory");
        directory.stopListening();
        try {
            browser().signIn("sam", ParleyHttp.passwordFor("sam")).expect(200);
            assertEquals(401, browser().signIn("tia", "tias-directory-password").status(),
                    "nobody can vouch for a directory person now");
        } finally {
            directory.startListening();
        }
        browser().signIn("tia", "tias-directory-password").expect(200);
    }

    @Test
    void someoneRemovedFromTheDirectoryCanNoLongerSignIn() {
        directory.addPerson("max", "maxs-directory-password", "Max Leaving");
        browser().signIn("max", "maxs-directory-password").expect(200);

        directory.removePerson("max");

        assertEquals("bad_credentials", browser().signIn("max", "maxs-directory-password").expect(401).errorCode());
    }

    @Test
    void aLocalAccountAndADirectoryPersonOfTheSameNameStayTwoPeople() {
        ParleyHttp localNia = ParleyHttp.newUser(parley.base(), "nia");
        directory.addPerson("nia", "nias-directory-password", "Nia Directory");

        ParleyHttp directoryNia = browser();
        JsonObject signedIn = directoryNia.signIn("nia", "nias-directory-password").expect(200).json();

        assertEquals("nia2", signedIn.getString("username"), "the directory's nia gets a name of her own");
        assertEquals("nia", localNia.me().expect(200).json().getString("username"));
        ParleyHttp localAgain = browser();
        assertEquals("nia", localAgain.signIn("nia", ParleyHttp.passwordFor("nia")).expect(200).json()
                .getString("username"), "the local password still signs in the local account");
    }

    /** The admin console's view of one account, as {@code admin} finds it. */
    private static JsonObject account(ParleyHttp admin, String username) {
        return admin.get("api/admin/users?q=" + username).expect(200).objects().stream()
                .filter(account -> account.getString("username").equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + username));
    }

    private static String hiddenValue(String html, String name) {
        var value = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!value.find()) {
            throw new AssertionError("no " + name + " field in:\n" + html);
        }
        return value.group(1);
    }
}
