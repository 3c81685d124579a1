package dev.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Who is on the other end of a request, for limits per client address. Behind reverse proxies named in
 * {@code parley.trusted-proxies} it is the address the nearest of them says it saw (X-Forwarded-For, read from the
 * right, skipping trusted proxies); anyone can write that header, so it is believed only from them.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    ParleyConfig config;

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), config.trustedProxies());
    }

    static String of(String connectedFrom, String forwardedFor, List<String> trusted) {
        if (!trusted.contains(connectedFrom) || forwardedFor == null || forwardedFor.isBlank()) {
            return connectedFrom;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return connectedFrom;
    }
}
