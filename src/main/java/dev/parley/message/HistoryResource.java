package dev.parley.message;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import dev.parley.api.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A room's messages: history a page at a time ({@code ?before=&after=&limit=}), and editing or deleting one's own. */
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
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return messages.history(caller(), room, number(before, "before"), number(after, "after"),
                number(limit, "limit"));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MessageView edit(@PathParam("room") String room, @PathParam("id") String id, JsonObject body) {
        return messages.edit(caller(), room, number(id, "id"), JsonBodies.optionalString(body, "body"));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("room") String room, @PathParam("id") String id) {
        messages.delete(caller(), room, number(id, "id"));
        return Response.noContent().build();
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    /** Read here rather than by JAX-RS, which answers an unreadable query parameter with 404. */
    static Long number(String text, String name) {
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
