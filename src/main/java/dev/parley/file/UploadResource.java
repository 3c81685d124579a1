package dev.parley.file;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Uploading a file to a room: the request body is the file itself (its name in {@code ?name=}, its type in
 * {@code Content-Type}), so there is no multipart to parse and a browser shows the upload's progress.
 */
@Path("rooms/{room}/files")
@RequestScoped
public class UploadResource {

    @Inject
    Files files;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Operation(summary = "Upload a file to a room, for one's next message to take")
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("room") String room, @QueryParam("name") String name, InputStream body) {
        FileView file = RefusedUpload.closesConnection(response, () -> files.upload(
                security.getCallerPrincipal().getName(), room, name, request.getContentType(),
                request.getContentLengthLong(), body));
        return Response.status(Response.Status.CREATED).entity(file).build();
    }
}
