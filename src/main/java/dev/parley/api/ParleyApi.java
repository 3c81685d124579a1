package dev.parley.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The JSON API under {@code /api}. Its resources live in their features' packages; errors are mapped here. Payara
 * serves its OpenAPI document at {@code /openapi} (signed in); docs/protocol.md is the whole contract, WebSocket
 * included, and {@code ApiDocumentIT} keeps the two naming the same calls.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Parley", version = "1",
                description = "Parley's HTTP API. Errors are {\"error\": code, \"message\": text}; the codes, limits,"
                        + " examples and the WebSocket at /ws are in docs/protocol.md."),
        security = {@SecurityRequirement(name = "session"), @SecurityRequirement(name = "token")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY,
                in = SecuritySchemeIn.COOKIE, apiKeyName = "JSESSIONID",
                description = "The session cookie from POST /api/session or the sign-in page"),
        @SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "A personal access token (POST /api/tokens)")})
public class ParleyApi extends Application {
}
