package dev.parley.file;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Reading a file back (uploads: {@link UploadResource}). What is served never runs as a page: only raster images are shown in place,
 * everything else is sent as an attachment of unknown type, and the API's headers (nosniff, a policy that allows
 * nothing) come with it.
 */
@Path("files")
@RequestScoped
public class FileResource {

    @Inject
    Files files;

    @Inject
    SecurityContext security;

    @Operation(summary = "A file, for the members of its room")
    @GET
    @Path("{id}")
    public Response download(@PathParam("id") String id, @QueryParam("download") String download) throws IOException {
        Files.Download found = files.download(caller(), id);
        FileView file = found.file();
        boolean inline = file.showsInPlace() && download == null;
        return Response.ok(found.body(), inline ? file.contentType() : MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                        + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Content-Length", file.size())
                .header("Cache-Control", "private, max-age=86400")
                .build();
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }
}
