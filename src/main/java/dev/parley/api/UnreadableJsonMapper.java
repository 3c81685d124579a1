package dev.parley.api;

import dev.parley.platform.ErrorCode;
import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not JSON at all is the client's mistake: {@code 400 invalid}, not a failure of Parley's. */
@Provider
public class UnreadableJsonMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException unreadable) {
        return ErrorBody.response(ErrorCode.INVALID, "The request body is not valid JSON");
    }
}
