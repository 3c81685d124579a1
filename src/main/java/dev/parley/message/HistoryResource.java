package dev.parley.message;

import static dev.parley.api.QueryParams.wholeNumber;

import dev.parley.api.JsonBodies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A room's messages: history a page at a time ({@code ?before=&after=&limit=}), editing or deleting one's own, and
 * reactions.
 */
@Path("rooms/{room}/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    MessageService messages;

    @Inject
    Reactions reactions;

    @Inject
    SecurityContext security;

    @Operation(summary = "A page of a room's history")
    @GET
    public List<MessageView> page(@PathParam("room") String room, @QueryParam("before") String before,
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return messages.history(caller(), room, wholeNumber(before, "before"), wholeNumber(after, "after"),
                wholeNumber(limit, "limit"));
    }

    @Operation(summary = "Edit one's message")
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MessageView edit(@PathParam("room") String room, @PathParam("id") String id, JsonValue body) {
        return messages.edit(caller(), room, wholeNumber(id, "id"), JsonBodies.optionalString(body, "body"));
    }

    @Operation(summary = "Delete one's message")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("room") String room, @PathParam("id") String id) {
        messages.delete(caller(), room, wholeNumber(id, "id"));
        return Response.noContent().build();
    }

    @Operation(summary = "React to a message with an emoji")
    @PUT
    @Path("{id}/reactions/{emoji}")
    public List<ReactionView> react(@PathParam("room") String room, @PathParam("id") String id,
            @PathParam("emoji") String emoji) {
        return reactions.add(caller(), room, wholeNumber(id, "id"), emoji);
    }

    @Operation(summary = "Take one's reaction back")
    @DELETE
    @Path("{id}/reactions/{emoji}")
    public List<ReactionView> unreact(@PathParam("room") String room, @PathParam("id") String id,
            @PathParam("emoji") String emoji) {
        return reactions.remove(caller(), room, wholeNumber(id, "id"), emoji);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }
}
