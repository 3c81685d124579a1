package dev.parley.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Json;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Running the place through {@code /api/admin} (the console's pages call the same {@link AdminService}): who may,
 * disabling and enabling people, granting the admin role, moderating rooms, runtime settings and the audit log.
 * The first admin is named by configuration, as on a new installation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdministrationIT {

    static final String FIRST_ADMIN = "ada";
    static final Duration DISABLED_CLOSES_WITHIN = Duration.ofSeconds(1);

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("administration").with("parley.admin-users", FIRST_ADMIN).archive();
    }

    @ArquillianResource
    URL url;

    private ParleyHttp ada;

    private URI base() throws Exception {
        return url.toURI();
    }

    @BeforeEach
    void firstAdminSignsIn() throws Exception {
        ada = new ParleyHttp(base());
        int registered = ada.register(FIRST_ADMIN, ParleyHttp.passwordFor(FIRST_ADMIN), "Ada").status();
        assertTrue(registered == 201 || registered == 409, "registered once, then already there: " + registered);
        ada.signIn(FIRST_ADMIN, ParleyHttp.passwordFor(FIRST_ADMIN)).expect(200);
    }

    @Test
    void aMemberIsRefusedEveryAdminCallAndPage() throws Exception {
        ParleyHttp mallory = ParleyHttp.newUser(base(), Names.unique("mallory"));
        String victim = Names.unique("victim");
        ParleyHttp.newUser(base(), victim);

        for (ParleyHttp.Reply reply : List.of(
                mallory.get("api/admin/users"),
                mallory.get("api/admin/rooms"),
                mallory.get("api/admin/settings"),
                mallory.get("api/admin/audit"),
                mallory.patch("api/admin/users/" + victim, Json.obj("disabled", true)),
                mallory.patch("api/admin/users/" + mallory.username(), Json.obj("admin", true)),
                mallory.patch("api/admin/settings", Json.obj("registrationOpen", false)),
                mallory.delete("api/admin/rooms/any/messages/1"),
                mallory.delete("api/admin/rooms/any/messages/not-a-number"),
                mallory.get("api/admin/rooms?offset=not-a-number"))) {
            assertEquals(403, reply.status(), reply.body());
            assertEquals("admins_only", reply.errorCode());
        }
        assertFalse(mallory.me().json().containsKey("admin"), "a member's /api/me says nothing of admin");
        ParleyHttp.Reply page = mallory.get("admin/index.xhtml");
        assertEquals(403, page.status());
        assertTrue(page.body().contains("Admins only"), "Parley's own 403 page: " + page.body());

        assertEquals(401, new ParleyHttp(base()).get("api/admin/users").status(), "a stranger must sign in");
        assertEquals(302, new ParleyHttp(base()).get("admin/index.xhtml").status(), "to the sign-in page");
        // Nothing changed on the way.
        assertFalse(summary(victim).getBoolean("disabled"));
        assertFalse(summary(mallory.username()).getBoolean("admin"));
    }

    @Test
    void theFirstAdminIsNamedByConfigurationAndFindsPeople() throws Exception {
        assertTrue(ada.me().json().getBoolean("admin"), "/api/me tells the page to link the console");
        String grace = Names.unique("grace");
        ParleyHttp.newUser(base(), grace);

        JsonObject found = single(ada.get("api/admin/users?q=" + grace.toUpperCase()).expect(200).objects());
        assertEquals(grace, found.getString("username"));
        assertEquals("password", found.getString("signIn"));
        assertFalse(found.getBoolean("admin"));
        assertFalse(found.getBoolean("disabled"));
        assertTrue(ada.get("admin/index.xhtml").expect(200).body().contains("Parley admin"));

        JsonObject first = summary(FIRST_ADMIN);
        assertTrue(first.getBoolean("admin") && first.getBoolean("adminByConfiguration"));
        ParleyHttp.Reply revoke = ada.patch("api/admin/users/" + FIRST_ADMIN, Json.obj("admin", false));
        assertEquals(403, revoke.status());
        assertEquals("not_allowed", revoke.errorCode());
        assertTrue(revoke.json().getString("message").contains("PARLEY_ADMIN_USERS"), revoke.body());
    }

    @Test
    void aDisabledPersonsSocketsCloseAtOnceAndNothingWorksUntilEnabled() throws Exception {
        String bob = Names.unique("bob");
        ParleyHttp bobs = ParleyHttp.newUser(base(), bob);
        ParleyHttp alice = ParleyHttp.newUser(base(), Names.unique("alice"));
        String room = alice.direct(bob).expect(200).json().getString("id");
        try (ChatSocket laptop = ChatSocket.open(bobs); ChatSocket phone = ChatSocket.open(
                ParleyHttp.signedIn(base(), bob))) {
            laptop.await("ready");
            phone.await("ready");
            laptop.sendMessage(room, "a message that stays");
            laptop.await("ack");

            JsonObject disabled = ada.patch("api/admin/users/" + bob, Json.obj("disabled", true)).expect(200).json();
            assertTrue(disabled.getBoolean("disabled"));

            for (ChatSocket socket : List.of(laptop, phone)) {
                assertEquals(1008, socket.awaitClose(DISABLED_CLOSES_WITHIN), "closed within a second");
                assertEquals("Account disabled", socket.closeReason());
            }
        }
        ParleyHttp.Reply next = bobs.me();
        assertEquals(403, next.status());
        assertEquals("account_disabled", next.errorCode());
        assertEquals(401, bobs.me().status(), "and the sign-in is over");
        assertEquals(401, ChatSocket.tryOpen(bobs).status(), "no new socket");

        ParleyHttp.Reply again = new ParleyHttp(base()).signIn(bob, ParleyHttp.passwordFor(bob));
        assertEquals(403, again.status());
        assertEquals("account_disabled", again.errorCode());
        List<JsonObject> history = alice.history(room, null, null).expect(200).objects();
        assertEquals("a message that stays", single(history).getString("body"));

        ada.patch("api/admin/users/" + bob, Json.obj("disabled", false)).expect(200);
        ParleyHttp back = ParleyHttp.signedIn(base(), bob);
        back.me().expect(200);

        ParleyHttp.Reply self = ada.patch("api/admin/users/" + FIRST_ADMIN, Json.obj("disabled", true));
        assertEquals(403, self.status(), "an admin cannot lock themselves out");
        assertEquals("not_allowed", self.errorCode());
    }

    @Test
    void theAdminRoleTakesEffectWithTheNextRequest() throws Exception {
        String carol = Names.unique("carol");
        ParleyHttp carols = ParleyHttp.newUser(base(), carol);
        assertEquals(403, carols.get("api/admin/users").status());

        assertTrue(ada.patch("api/admin/users/" + carol, Json.obj("admin", true)).expect(200).json()
                .getBoolean("admin"));
        carols.get("api/admin/users").expect(200);
        assertTrue(carols.me().json().getBoolean("admin"), "without signing in again");

        carols.patch("api/admin/users/" + FIRST_ADMIN, Json.obj("admin", true)).expect(200);
        ada.patch("api/admin/users/" + carol, Json.obj("admin", false)).expect(200);
        assertEquals("admins_only", carols.get("api/admin/users").errorCode());

        ParleyHttp.Reply unknown = ada.patch("api/admin/users/nobody-here", Json.obj("admin", true));
        assertEquals(404, unknown.status());
        assertEquals("unknown_user", unknown.errorCode());
        assertEquals("invalid", ada.patch("api/admin/users/" + carol, Json.obj("admin", "yes")).errorCode());
    }

    @Test
    void aModeratorRemovesAMessageAndAMemberFromAGroupRoom() throws Exception {
        ParleyHttp alice = ParleyHttp.newUser(base(), Names.unique("alice"));
        String bob = Names.unique("bob");
        ParleyHttp bobs = ParleyHttp.newUser(base(), bob);
        String roomName = Names.unique("Watercooler");
        String room = alice.createRoom(roomName, List.of(bob)).expect(201).json().getString("id");
        try (ChatSocket alicesTab = ChatSocket.open(alice); ChatSocket bobsTab = ChatSocket.open(bobs)) {
            alicesTab.await("ready");
            bobsTab.await("ready");
            bobsTab.sendMessage(room, "something abusive");
            long abusive = bobsTab.await("ack").getJsonNumber("id").longValue();
            alicesTab.awaitMessages(room, 1);

            JsonObject listed = single(ada.get("api/admin/rooms?q=" + roomName).expect(200).objects());
            assertEquals(room, listed.getString("id"));
            assertEquals(2, listed.getInt("memberCount"));
            assertTrue(listed.containsKey("lastActivity"));
            JsonObject seen = single(ada.get("api/admin/rooms/" + room + "/messages").expect(200).objects());
            assertEquals("something abusive", seen.getString("body"), "the moderator reads a group room");

            JsonObject tombstone = ada.delete("api/admin/rooms/" + room + "/messages/" + abusive).expect(200).json();
            assertTrue(tombstone.getBoolean("moderated"));
            for (ChatSocket tab : List.of(alicesTab, bobsTab)) {
                JsonObject deleted = tab.await(ChatSocket.ofType("deleted"));
                assertEquals(abusive, deleted.getJsonNumber("id").longValue());
                assertTrue(deleted.getBoolean("moderated"), "members see who removed it: " + deleted);
            }
            JsonObject stored = single(alice.history(room, null, null).objects());
            assertEquals("", stored.getString("body"));
            assertTrue(stored.getBoolean("deleted") && stored.getBoolean("moderated"));

            ada.delete("api/admin/rooms/" + room + "/members/" + bob).expect(204);
            assertEquals(room, bobsTab.await(ChatSocket.ofType("removed")).getString("room"));
            assertEquals("not_member", bobs.history(room, null, null).errorCode());
        }
        assertEquals("unknown_room", ada.get("api/admin/rooms/no-such-room/messages").errorCode());
    }

    @Test
    void directConversationsStayPrivateButAReportedMessageCanBeRemovedById() throws Exception {
        ParleyHttp alice = ParleyHttp.newUser(base(), Names.unique("alice"));
        String bob = Names.unique("bob");
        ParleyHttp bobs = ParleyHttp.newUser(base(), bob);
        String room = alice.direct(bob).expect(200).json().getString("id");
        try (ChatSocket bobsTab = ChatSocket.open(bobs)) {
            bobsTab.await("ready");
            bobsTab.sendMessage(room, "reported to the admins");
            long reported = bobsTab.await("ack").getJsonNumber("id").longValue();

            ParleyHttp.Reply read = ada.get("api/admin/rooms/" + room + "/messages");
            assertEquals(403, read.status());
            assertEquals("not_allowed", read.errorCode());
            JsonObject listed = single(ada.get("api/admin/rooms?q=" + bob).expect(200).objects());
            assertEquals("direct", listed.getString("kind"));

            ada.delete("api/admin/rooms/" + room + "/messages/" + reported).expect(200);
            assertTrue(bobsTab.await(ChatSocket.ofType("deleted")).getBoolean("moderated"));
        }
        assertEquals("unknown_message", ada.delete("api/admin/rooms/" + room + "/messages/999999").errorCode());
    }

    @Test
    void settingsChangeAtRuntime() throws Exception {
        try {
            JsonObject closed = ada.patch("api/admin/settings",
                    Json.obj("registrationOpen", false, "maxMessageLength", 10)).expect(200).json();
            assertFalse(closed.getBoolean("registrationOpen"));
            assertEquals(10, closed.getInt("maxMessageLength"));

            ParleyHttp.Reply refused = new ParleyHttp(base()).register(Names.unique("late"), "long-enough-pw", null);
            assertEquals(403, refused.status());
            assertEquals("registration_closed", refused.errorCode());

            ParleyHttp adasTab = ParleyHttp.signedIn(base(), FIRST_ADMIN);
            String room = adasTab.createRoom(Names.unique("Short"), List.of()).expect(201).json().getString("id");
            try (ChatSocket tab = ChatSocket.open(adasTab)) {
                tab.await("ready");
                tab.sendMessage(room, "eleven char");
                assertEquals("too_large", tab.await("error").getString("code"));
                tab.sendMessage(room, "ten chars!");
                tab.await("ack");
            }
            ParleyHttp.Reply tooBig = ada.patch("api/admin/settings", Json.obj("maxMessageLength", 1_000_000));
            assertEquals("invalid", tooBig.errorCode());
        } finally {
            ada.patch("api/admin/settings", Json.obj("registrationOpen", true, "maxMessageLength", 4000)).expect(200);
        }
        assertTrue(ada.get("api/admin/settings").json().getBoolean("registrationOpen"));
    }

    @Test
    void theAuditLogRecordsSignInsAndAdminActionsAndCannotBeChanged() throws Exception {
        String dora = Names.unique("dora");
        ParleyHttp.newUser(base(), dora);
        new ParleyHttp(base()).signIn(dora, "not-her-password");
        ada.patch("api/admin/users/" + dora, Json.obj("disabled", true)).expect(200);
        ada.patch("api/admin/users/" + dora, Json.obj("disabled", false)).expect(200);

        List<JsonObject> entries = ada.get("api/admin/audit?limit=200").expect(200).objects();
        JsonObject enabled = entries.get(0);
        assertEquals("user_enabled", enabled.getString("action"), "newest first");
        assertEquals(FIRST_ADMIN, enabled.getString("actor"));
        assertEquals(dora, enabled.getString("target"));
        assertEquals("127.0.0.1", enabled.getString("address"));
        assertEquals("user_disabled", entries.get(1).getString("action"));
        JsonObject failed = entries.stream().filter(e -> e.getString("action").equals("sign_in_failed")
                && dora.equals(e.getString("target", null))).findFirst().orElseThrow();
        assertNull(failed.get("actor"), "nobody was signed in");
        assertTrue(entries.stream().anyMatch(e -> e.getString("action").equals("signed_in")
                && dora.equals(e.getString("actor", null))));

        long newest = enabled.getJsonNumber("id").longValue();
        List<JsonObject> older = ada.get("api/admin/audit?before=" + newest + "&limit=1").objects();
        assertEquals(entries.get(1).getJsonNumber("id").longValue(), single(older).getJsonNumber("id").longValue());

        assertEquals(405, ada.delete("api/admin/audit").status(), "no call changes the log");
        assertEquals(405, ada.patch("api/admin/audit", JsonValue.EMPTY_JSON_OBJECT).status());
    }

    private JsonObject summary(String username) {
        return single(ada.get("api/admin/users?q=" + username).expect(200).objects().stream()
                .filter(user -> user.getString("username").equals(username)).toList());
    }

    private static JsonObject single(List<JsonObject> list) {
        assertEquals(1, list.size(), () -> "one expected: " + list);
        return list.get(0);
    }
}
