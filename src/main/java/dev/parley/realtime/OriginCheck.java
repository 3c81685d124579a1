package dev.parley.realtime;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.HttpErrors;
import dev.parley.platform.OriginPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Refuses a WebSocket handshake a browser makes from another site's page (see {@link OriginPolicy}). */
@WebFilter(urlPatterns = "/ws")
public class OriginCheck extends HttpFilter {

    @Inject
    OriginPolicy origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (origins.allows(request)) {
            chain.doFilter(request, response);
            return;
        }
        HttpErrors.write(response, ErrorCode.FORBIDDEN_ORIGIN,
                "WebSocket connections from this origin are not allowed");
    }
}
