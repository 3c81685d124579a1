package dev.parley.message;

import static dev.parley.api.QueryParams.wholeNumber;

import dev.parley.api.JsonBodies;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
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
 * A room's messages: history a page at a time ({@code ?before=&after=&limit=&threads=}), threads, editing or
 * deleting one's own, and reactions.
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
            @QueryParam("after") String after, @QueryParam("limit") String limit,
            @QueryParam("threads") String threads) {
        return messages.history(caller(), room, wholeNumber(before, "before"), wholeNumber(after, "after"),
                wholeNumber(limit, "limit"), collapsed(threads));
    }

    @Operation(summary = "A thread: its first message and a page of its replies")
    @GET
    @Path("{id}/thread")
    public ThreadView thread(@PathParam("room") String room, @PathParam("id") String id,
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return messages.thread(caller(), room, wholeNumber(id, "id"), wholeNumber(after, "after"),
                wholeNumber(limit, "limit"));
    }

    /** {@code threads=collapsed} leaves replies out of a room's pages; without it a page holds them too. */
    private static boolean collapsed(String threads) {
        if (threads == null || threads.equals("all")) {
            return false;
        }
        if (threads.equals("collapsed")) {
            return true;
        }
        throw new ParleyException(ErrorCode.INVALID, "threads is 'collapsed' or 'all'");
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
        return reactions.change(caller(), room, wholeNumber(id, "id"), emoji, true);
    }

    @Operation(summary = "Take one's reaction back")
    @DELETE
    @Path("{id}/reactions/{emoji}")
    public List<ReactionView> unreact(@PathParam("room") String room, @PathParam("id") String id,
            @PathParam("emoji") String emoji) {
        return reactions.change(caller(), room, wholeNumber(id, "id"), emoji, false);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }
}
