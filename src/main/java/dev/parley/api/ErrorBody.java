package dev.parley.api;

import dev.parley.platform.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The protocol's error body, {@code {"error":"<code>","message":"<human readable>"}}, with its status. */
public record ErrorBody(String error, String message) {

    static Response response(ErrorCode code, String message) {
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code.code(), message)).build();
    }
}
