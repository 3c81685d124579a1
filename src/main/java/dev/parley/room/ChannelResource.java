package dev.parley.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The channel list ({@code /api/channels}): public group rooms, to find and join (see {@link RoomResource}). */
@Path("channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    @Inject
    ChannelDirectory channels;

    @Inject
    SecurityContext security;

    @Operation(summary = "Public group rooms, by name; searchable by name and topic")
    @GET
    public List<ChannelView> list(@QueryParam("q") String words, @QueryParam("archived") boolean archived,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return channels.list(security.getCallerPrincipal().getName(), words, archived, offset, limit);
    }
}
