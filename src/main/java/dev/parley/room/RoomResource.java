package dev.parley.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import dev.parley.api.JsonBodies;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's rooms ({@code /api/rooms}): listing them, creating group rooms, adding and removing members. */
@Path("rooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {

    @Inject
    RoomService rooms;

    @Inject
    SecurityContext security;

    @Operation(summary = "The caller's rooms")
    @GET
    public List<RoomView> myRooms() {
        return rooms.roomsOf(caller());
    }

    @Operation(summary = "Create a group room")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue body) {
        RoomView room = rooms.createGroup(caller(), new RoomService.NewGroup(JsonBodies.optionalString(body, "name"),
                JsonBodies.strings(body, "members"), JsonBodies.optionalString(body, "visibility"),
                JsonBodies.optionalString(body, "topic")));
        return Response.status(Response.Status.CREATED).entity(room).build();
    }

    @Operation(summary = "Change a group room's name, topic, visibility, or archive it")
    @PATCH
    @Path("{room}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoomView change(@PathParam("room") String room, JsonValue body) {
        return rooms.change(caller(), room, new RoomService.Settings(JsonBodies.optionalString(body, "name"),
                JsonBodies.optionalString(body, "topic"), JsonBodies.optionalString(body, "visibility"),
                JsonBodies.optionalBoolean(body, "archived")));
    }

    @Operation(summary = "Choose what in a room calls for one's attention: all, mentions or muted")
    @PUT
    @Path("{room}/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject notifications(@PathParam("room") String room, JsonValue body) {
        String level = rooms.setNotify(caller(), room, JsonBodies.optionalString(body, "level"));
        return Json.createObjectBuilder().add("room", room).add("level", level).build();
    }

    @Operation(summary = "Hide a direct conversation from one's sidebar until a new message arrives, or show it")
    @PUT
    @Path("{room}/hidden")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject hidden(@PathParam("room") String room, JsonValue body) {
        Boolean hidden = JsonBodies.optionalBoolean(body, "hidden");
        if (hidden == null) {
            throw new ParleyException(ErrorCode.INVALID, "Say {\"hidden\": true} or {\"hidden\": false}");
        }
        Long upTo = rooms.setHidden(caller(), room, hidden);
        JsonObjectBuilder answer = Json.createObjectBuilder().add("room", room);
        return (upTo == null ? answer : answer.add("hiddenUpTo", upTo)).build();
    }

    @Operation(summary = "Join a public group room")
    @POST
    @Path("{room}/join")
    public RoomView join(@PathParam("room") String room) {
        return rooms.join(caller(), room);
    }

    @Operation(summary = "Add a member to a group room")
    @POST
    @Path("{room}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoomView addMember(@PathParam("room") String room, JsonValue body) {
        return rooms.addMember(caller(), room, JsonBodies.optionalString(body, "username"));
    }

    @Operation(summary = "Remove a member, or leave")
    @DELETE
    @Path("{room}/members/{username}")
    public Response removeMember(@PathParam("room") String room, @PathParam("username") String username) {
        rooms.removeMember(caller(), room, username);
        return Response.noContent().build();
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }
}
