package dev.parley.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/direct/{username}}: the caller's private room with that user, made on first use. */
@Path("direct/{username}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DirectRoomResource {

    @Inject
    RoomService rooms;

    @Inject
    SecurityContext security;

    @Operation(summary = "The direct room with a user, created on first use")
    @POST
    public RoomView direct(@PathParam("username") String username) {
        return rooms.direct(security.getCallerPrincipal().getName(), username.toLowerCase(Locale.ROOT));
    }
}
