package dev.parley.account;

import dev.parley.api.JsonBodies;
import dev.parley.platform.ClientAddresses;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.presence.Presence;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Registration, the signed-in user, and the user directory with who is online. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountService accounts;

    @Inject
    Profiles profiles;

    @Inject
    Presence presence;

    @Inject
    SecurityContext security;

    @Inject
    SignInThrottle throttle;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest request;

    @Operation(summary = "Register")
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(JsonValue body) {
        throttle.checkRegistration(clientAddresses.of(request));
        UserView user = accounts.register(JsonBodies.optionalString(body, "username"),
                JsonBodies.optionalString(body, "password"), JsonBodies.optionalString(body, "displayName"));
        return Response.status(Response.Status.CREATED).entity(user).build();
    }

    /** The signed-in user; {@code admin: true} for admins (the page then links the admin console). */
    @Operation(summary = "The signed-in user")
    @GET
    @Path("me")
    public Me me() {
        User user = accounts.existing(callerName());
        UserView view = UserView.of(user);
        return new Me(view.username(), view.displayName(), view.status(), view.avatar(),
                security.isCallerInRole(Roles.ADMIN) ? Boolean.TRUE : null, user.hasPassword() ? Boolean.TRUE : null);
    }

    @Operation(summary = "Change one's display name or status line")
    @PATCH
    @Path("me")
    @Consumes(MediaType.APPLICATION_JSON)
    public Me changeProfile(JsonValue body) {
        profiles.change(callerName(), JsonBodies.optionalString(body, "displayName"),
                JsonBodies.optionalString(body, "status"));
        return me();
    }

    /** Sessions only: a personal access token cannot change the password of the account it acts for. */
    @Operation(summary = "Change one's password (local accounts); one's other sign-ins end")
    @PUT
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(JsonValue body) {
        String signInId = SignInMechanism.signInIdOf(request);
        if (signInId == null) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, "Change your password signed in, not with a token");
        }
        String address = clientAddresses.of(request);
        throttle.checkSignIn(callerName(), address);
        try {
            accounts.changePassword(callerName(), signInId, JsonBodies.optionalString(body, "currentPassword"),
                    JsonBodies.optionalString(body, "newPassword"));
        } catch (ParleyException refused) {
            if (refused.code() == ErrorCode.NOT_ALLOWED) {
                throttle.failed(callerName(), address);
            }
            throw refused;
        }
        return Response.noContent().build();
    }

    @Operation(summary = "Everyone, with who is online")
    @GET
    @Path("users")
    public List<DirectoryEntry> users() {
        Set<String> online = presence.online();
        return accounts.everyone().stream()
                .map(user -> new DirectoryEntry(user.username(), user.displayName(), user.status(), user.avatar(),
                        online.contains(user.username())))
                .toList();
    }

    private String callerName() {
        return security.getCallerPrincipal().getName();
    }

    /**
     * The answer to {@code GET /api/me}; {@code admin} is left out for everyone but admins, {@code password} for
     * accounts without a local password, {@code status} when none is set.
     */
    public record Me(String username, String displayName, String status, String avatar, Boolean admin,
            Boolean password) {
    }

    /** One entry of {@code GET /api/users}; {@code status} and {@code avatar} are left out when there is none. */
    public record DirectoryEntry(String username, String displayName, String status, String avatar,
            boolean online) {
    }
}
