package dev.parley.api;

import dev.parley.platform.ParleyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a refusal from a service into its HTTP status and error body: the one place this happens for HTTP. */
@Provider
public class RefusalMapper implements ExceptionMapper<ParleyException> {

    @Override
    public Response toResponse(ParleyException refusal) {
        Response answer = ErrorBody.response(refusal.code(), refusal.getMessage());
        return refusal.retryAfter()
                .map(wait -> Response.fromResponse(answer).header("Retry-After", Math.max(1, wait.toSeconds())).build())
                .orElse(answer);
    }
}
