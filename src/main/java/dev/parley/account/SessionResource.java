package dev.parley.account;

import dev.parley.api.JsonBodies;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Signing in and out for clients that are not the Faces pages: bots, tests, other front ends. */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    @Inject
    SignIn signIn;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Operation(summary = "Sign in")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView signIn(JsonValue body) {
        if (!signIn.withPassword(request, response, JsonBodies.optionalString(body, "username"),
                JsonBodies.optionalString(body, "password"))) {
            throw new ParleyException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password");
        }
        return accounts.user(security.getCallerPrincipal().getName()).orElseThrow();
    }

    /** Ends the sign-in on every node; its WebSocket connections close with it, wherever they are. */
    @Operation(summary = "Sign out")
    @DELETE
    public Response signOut() throws ServletException {
        signIn.signOut(request, response);
        return Response.noContent().build();
    }
}
