package dev.parley.message;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
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
    public List<MessageView> page(@PathParam("room") String room, @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        return messages.history(security.getCallerPrincipal().getName(), room, number(before, "before"),
                number(limit, "limit"));
    }

    /** Read here rather than by JAX-RS, which answers an unreadable query parameter with 404. */
    private static Long number(String text, String name) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ParleyException(ErrorCode.INVALID, "'" + name + "' must be a whole number");
        }
    }
}
