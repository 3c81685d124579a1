package dev.parley.file;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * People's pictures, for anyone signed in. A picture's id changes with every new picture, so it may be cached for
 * long.
 */
@Path("avatars/{id}")
@RequestScoped
public class AvatarImageResource {

    @Inject
    Avatars avatars;

    @Operation(summary = "A person's picture")
    @GET
    public Response picture(@PathParam("id") String id) throws IOException {
        Files.Download picture = avatars.read(id);
        return Response.ok(picture.body(), picture.file().contentType())
                .header("Content-Disposition", "inline")
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .build();
    }
}
