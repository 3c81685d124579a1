package dev.parley.message;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A room's history, a page at a time, newest page first: {@code GET /api/rooms/{id}/messages?before=&limit=}. */
@Path("rooms/{room}/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    MessageService messages;

    @Inject
    SecurityContext security;

    @GET
    public List<MessageView> page(@PathParam("room") String room, @QueryParam("before") Long before,
            @QueryParam("limit") Integer limit) {
        return messages.history(security.getCallerPrincipal().getName(), room, before, limit);
    }
}
