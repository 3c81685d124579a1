package dev.parley.realtime;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.HttpErrors;
import dev.parley.platform.ParleyConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a WebSocket handshake a browser makes from another site's page. Browsers send the session cookie
 * with any page's WebSocket, so without this any site could chat as a visitor who is signed in to Parley
 * (cross-site WebSocket hijacking). Clients that are not browsers send no Origin and pass.
 */
@WebFilter(urlPatterns = "/ws")
public class OriginCheck extends HttpFilter {

    @Inject
    ParleyConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals(ownOrigin(request)) || config.allowedOrigins().contains(origin)) {
            chain.doFilter(request, response);
            return;
        }
        HttpErrors.write(response, ErrorCode.FORBIDDEN_ORIGIN,
                "WebSocket connections from this origin are not allowed");
    }

    private static String ownOrigin(HttpServletRequest request) {
        return request.getScheme().replace("ws", "http") + "://" + request.getHeader("Host");
    }
}
