package dev.parley.admin;

import static dev.parley.api.QueryParams.wholeNumber;

import dev.parley.account.AccountSummary;
import dev.parley.api.JsonBodies;
import dev.parley.audit.AuditEntry;
import dev.parley.audit.AuditLog;
import dev.parley.message.MessageView;
import dev.parley.platform.SiteSettings;
import dev.parley.room.RoomSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The admin console's actions as REST calls ({@code /api/admin}, admins only); docs/protocol.md has each. Every
 * call asks for the {@link Admin} before reading its parameters, so a member gets {@code admins_only} whatever
 * they send.
 */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    static final int DEFAULT_PAGE = 50;

    @Inject
    AdminService admins;

    @Context
    HttpServletRequest request;

    @Operation(summary = "Find people (admins)")
    @GET
    @Path("users")
    public List<AccountSummary> users(@QueryParam("q") String words, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        return admins.users(admin(), words, after, page(limit));
    }

    /** {@code {"disabled": true|false, "admin": true|false}}, either or both. */
    @Operation(summary = "Disable, enable, grant or revoke admin (admins)")
    @PATCH
    @Path("users/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountSummary changeUser(@PathParam("username") String username, JsonValue body) {
        Admin admin = admin();
        Boolean disabled = JsonBodies.optionalBoolean(body, "disabled");
        Boolean isAdmin = JsonBodies.optionalBoolean(body, "admin");
        AccountSummary account = null;
        if (disabled != null) {
            account = admins.setDisabled(admin, username, disabled);
        }
        if (isAdmin != null) {
            account = admins.setAdmin(admin, username, isAdmin);
        }
        return account != null ? account : admins.user(admin, username);
    }

    /** {@code {"from": "alice2"}}: the company sign-ins of {@code from} sign in as {@code username} from now on. */
    @Operation(summary = "Link another account's company sign-ins to this account (admins)")
    @POST
    @Path("users/{username}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountSummary link(@PathParam("username") String username, JsonValue body) {
        Admin admin = admin();
        return admins.link(admin, username, JsonBodies.optionalString(body, "from"));
    }

    @Operation(summary = "Every room, most recently active first (admins)")
    @GET
    @Path("rooms")
    public List<RoomSummary> rooms(@QueryParam("q") String words, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Admin admin = admin();
        Long skip = wholeNumber(offset, "offset");
        return admins.rooms(admin, words, skip == null ? 0 : (int) Math.min(skip, Integer.MAX_VALUE), page(limit));
    }

    @Operation(summary = "A group room's messages (admins)")
    @GET
    @Path("rooms/{room}/messages")
    public List<MessageView> roomMessages(@PathParam("room") String room, @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        return admins.roomMessages(admin(), room, wholeNumber(before, "before"), wholeNumber(limit, "limit"));
    }

    @Operation(summary = "Remove a member from a group room (admins)")
    @DELETE
    @Path("rooms/{room}/members/{username}")
    public Response removeMember(@PathParam("room") String room, @PathParam("username") String username) {
        admins.removeMember(admin(), room, username);
        return Response.noContent().build();
    }

    @Operation(summary = "Remove a message as moderator (admins)")
    @DELETE
    @Path("rooms/{room}/messages/{id}")
    public MessageView removeMessage(@PathParam("room") String room, @PathParam("id") String id) {
        Admin admin = admin();
        Long messageId = wholeNumber(id, "id");
        return admins.removeMessage(admin, room, messageId == null ? -1 : messageId);
    }

    @Operation(summary = "Runtime settings (admins)")
    @GET
    @Path("settings")
    public SiteSettings.Values settings() {
        return admins.settings(admin());
    }

    /** {@code {"registrationOpen": true|false, "maxMessageLength": n}}, either or both. */
    @Operation(summary = "Change runtime settings (admins)")
    @PATCH
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public SiteSettings.Values changeSettings(JsonValue body) {
        Admin admin = admin();
        return admins.changeSettings(admin, JsonBodies.optionalBoolean(body, "registrationOpen"),
                JsonBodies.optionalInt(body, "maxMessageLength"));
    }

    @Operation(summary = "The audit log, newest first (admins)")
    @GET
    @Path("audit")
    public List<AuditEntry> audit(@QueryParam("before") String before, @QueryParam("limit") String limit) {
        return admins.audit(admin(), wholeNumber(before, "before"),
                limit == null ? AuditLog.DEFAULT_PAGE : page(limit));
    }

    private Admin admin() {
        return admins.admin(request);
    }

    private static int page(String limit) {
        Long size = wholeNumber(limit, "limit");
        return size == null ? DEFAULT_PAGE : (int) Math.min(Math.max(size, 1), Integer.MAX_VALUE);
    }
}
