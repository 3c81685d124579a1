package dev.parley.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The caller's rooms: {@code /api/rooms}. */
@Path("rooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {

    @Inject
    RoomService rooms;

    @Inject
    SecurityContext security;

    @GET
    public List<RoomView> myRooms() {
        return rooms.roomsOf(caller());
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }
}
