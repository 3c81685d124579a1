package dev.parley.web;

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
import java.util.Set;

/**
 * Refuses a request that changes something ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) when a
 * browser made it from another site: its Origin is not allowed (see {@link OriginPolicy}), or the browser says
 * so ({@code Sec-Fetch-Site: cross-site}). The session cookie's SameSite=Lax covers most of this already; this does
 * not depend on the browser honouring it, and covers a site on the same registrable domain too.
 */
@WebFilter(urlPatterns = "/*")
public class SameOriginWrites extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    OriginPolicy origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod())
                || (origins.allows(request) && !"cross-site".equals(request.getHeader("Sec-Fetch-Site")))) {
            chain.doFilter(request, response);
            return;
        }
        HttpErrors.write(response, ErrorCode.FORBIDDEN_ORIGIN, "Requests from another site's pages are not allowed");
    }
}
