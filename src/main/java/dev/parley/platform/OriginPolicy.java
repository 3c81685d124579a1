package dev.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * Which browser origins may act on Parley with the visitor's session: Parley's own (as the request reached it, or
 * as {@code parley.public-url} says people reach it) and those in {@code parley.allowed-origins}. Browsers send the
 * session cookie with requests any site's page makes, so a request from another origin is refused before it does
 * anything: a WebSocket handshake (cross-site WebSocket hijacking) or a call that changes something (cross-site
 * request forgery). Clients that are not browsers send no Origin and are not affected.
 */
@ApplicationScoped
public class OriginPolicy {

    @Inject
    ParleyConfig config;

    /** Whether the request came from a page of an allowed origin, or from no page at all (no Origin header). */
    public boolean allows(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        return origin.equals(requestOrigin(request))
                || config.publicUrl().map(OriginPolicy::originOf).filter(origin::equals).isPresent()
                || config.allowedOrigins().contains(origin);
    }

    private static String requestOrigin(HttpServletRequest request) {
        return request.getScheme().replace("ws", "http") + "://" + request.getHeader("Host");
    }

    static String originOf(URI url) {
        int port = url.getPort();
        boolean defaultPort = port == -1 || ("https".equals(url.getScheme()) && port == 443)
                || ("http".equals(url.getScheme()) && port == 80);
        return url.getScheme() + "://" + url.getHost() + (defaultPort ? "" : ":" + port);
    }
}
