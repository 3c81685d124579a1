package dev.parley.platform;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The protocol's error body, written straight to a servlet response: for refusals made before JAX-RS is reached
 * (authentication, the WebSocket's Origin check). JAX-RS resources answer through {@code api.ErrorBody}.
 */
public final class HttpErrors {

    private HttpErrors() {
    }

    public static void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Json.createObjectBuilder().add("error", code.code()).add("message", message)
                .build().toString());
    }
}
