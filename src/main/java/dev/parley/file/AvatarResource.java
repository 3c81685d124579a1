package dev.parley.file;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One's own picture: the request body is the image itself, as with files. */
@Path("me/avatar")
@RequestScoped
public class AvatarResource {

    @Inject
    Avatars avatars;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Operation(summary = "Set one's picture (a PNG, JPEG, GIF or WebP image, at most 2 MB)")
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject replace(InputStream body) {
        String id = RefusedUpload.closesConnection(response,
                () -> avatars.replace(caller(), request.getContentType(), request.getContentLengthLong(), body));
        return Json.createObjectBuilder().add("avatar", id).build();
    }

    @Operation(summary = "Remove one's picture")
    @DELETE
    public Response remove() {
        avatars.remove(caller());
        return Response.noContent().build();
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }
}
