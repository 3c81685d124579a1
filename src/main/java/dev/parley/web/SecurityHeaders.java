package dev.parley.web;

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
 * Headers every response carries: no framing by other sites (clickjacking), no guessing of content types (a
 * served file is never run as something else), no leaking of Parley's URLs to other sites, and behind HTTPS
 * ({@code parley.public-url}) HSTS. The pages' Content-Security-Policy comes from PrimeFaces, which puts a fresh
 * nonce on its own inline scripts and the page's (web.xml, {@code primefaces.CSP_POLICY}); JSON answers get one that
 * allows nothing at all.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeaders extends HttpFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000";

    @Inject
    ParleyConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        }
        if (config.publicUrl().filter(url -> "https".equals(url.getScheme())).isPresent()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
