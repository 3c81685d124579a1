package dev.parley.account;

import dev.parley.api.JsonBodies;
import dev.parley.platform.ClientAddresses;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The caller's personal access tokens ({@code /api/tokens}). Managed only from a signed-in session: a token
 * cannot mint, list or revoke tokens, so a leaked one cannot make itself outlive its revocation.
 */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccessTokenResource {

    @Inject
    AccessTokens tokens;

    @Inject
    SecurityContext security;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest request;

    @Operation(summary = "The caller's personal access tokens")
    @GET
    public List<AccessTokenView> mine() {
        return tokens.of(sessionCaller());
    }

    /** {@code {"name": "deploy bot", "expiresInDays": 30}}: 201 with the secret in {@code token}, shown once. */
    @Operation(summary = "Create a personal access token (its secret is shown once)")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue body) {
        Integer days = JsonBodies.optionalInt(body, "expiresInDays");
        AccessTokenView created = tokens.create(sessionCaller(), JsonBodies.optionalString(body, "name"),
                days == null ? null : days.longValue(), clientAddresses.of(request));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @Operation(summary = "Revoke a personal access token")
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(sessionCaller(), id, clientAddresses.of(request));
        return Response.noContent().build();
    }

    private String sessionCaller() {
        if (SignInMechanism.isTokenRequest(request)) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, "Manage tokens from a signed-in session, not with a token");
        }
        return security.getCallerPrincipal().getName();
    }
}
