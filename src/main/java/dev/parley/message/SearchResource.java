package dev.parley.message;

import static dev.parley.api.QueryParams.wholeNumber;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/search?q=&room=&before=&limit=}: messages of the caller's rooms, newest first. */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    MessageService messages;

    @Inject
    SecurityContext security;

    @Operation(summary = "Search the caller's rooms")
    @GET
    public List<MessageView> search(@QueryParam("q") String words, @QueryParam("room") String room,
            @QueryParam("before") String before, @QueryParam("limit") String limit) {
        return messages.search(security.getCallerPrincipal().getName(), words, room,
                wholeNumber(before, "before"), wholeNumber(limit, "limit"));
    }
}
