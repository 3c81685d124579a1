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
import jakarta.ws.rs.POST;
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
        UserView user = accounts.user(callerName())
                .orElseThrow(() -> new ParleyException(ErrorCode.UNAUTHENTICATED, "Your account no longer exists"));
        return new Me(user.username(), user.displayName(), security.isCallerInRole(Roles.ADMIN) ? Boolean.TRUE : null);
    }

    @Operation(summary = "Everyone, with who is online")
    @GET
    @Path("users")
    public List<DirectoryEntry> users() {
        Set<String> online = presence.online();
        return accounts.everyone().stream()
                .map(user -> new DirectoryEntry(user.username(), user.displayName(), online.contains(user.username())))
                .toList();
    }

    private String callerName() {
        return security.getCallerPrincipal().getName();
    }

    /** The answer to {@code GET /api/me}; {@code admin} is left out for everyone but admins. */
    public record Me(String username, String displayName, Boolean admin) {
    }

    /** One entry of {@code GET /api/users}. */
    public record DirectoryEntry(String username, String displayName, boolean online) {
    }
}
