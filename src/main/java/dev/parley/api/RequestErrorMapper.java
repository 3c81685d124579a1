package dev.parley.api;

import dev.parley.platform.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors the JAX-RS runtime raises itself (unreadable JSON, unknown path, wrong method) in the same JSON shape,
 * so a client never has to parse an HTML error page.
 */
@Provider
public class RequestErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status == 404) {
            return Response.status(404).type("application/json")
                    .entity(new ErrorBody("not_found", "No such API call")).build();
        }
        if (status >= 400 && status < 500) {
            return Response.status(status).type("application/json")
                    .entity(new ErrorBody(ErrorCode.INVALID.code(), "The request could not be read: "
                            + exception.getMessage())).build();
        }
        return exception.getResponse();
    }
}
