package dev.parley.account;

import dev.parley.platform.ParleyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Starts a sign-in, whichever way the person proved who they are, and takes one up again on a node that has not
 * seen it yet: the sign-in is stored for every node ({@link SharedSignIns}), the browser keeps its secret
 * ({@link SignInCookie}), and the node's HTTP session remembers which sign-in it serves.
 */
@ApplicationScoped
class SignedInSessions {

    @Inject
    ParleyConfig config;

    @Inject
    SharedSignIns shared;

    /**
     * Puts {@code username} into the session under a new sign-in and a new session id (an id planted before
     * sign-in, session fixation, is worth nothing after). A sign-in the session held before is ended first, so
     * no socket can open under it once its sockets are closed. {@code providerSignOut}: where signing out goes on
     * to (the company's identity provider), or null.
     */
    void begin(HttpServletRequest request, HttpServletResponse response, String username, String providerSignOut) {
        HttpSession session = request.getSession(true);
        if (session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller previous) {
            session.removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
            shared.end(previous, SignInEnded.Why.SIGNED_IN_AGAIN);
        }
        SharedSignIns.Started started = shared.start(username, providerSignOut);
        SignInCookie.set(request, response, started.secret(), secureCookies());
        serve(request, started.caller());
    }

    /**
     * The sign-in of a browser this node's sessions do not know (its node died, it was redeployed, or a load
     * balancer sent it here), taken up from its cookie while it lasts; then this node's session serves it.
     */
    Optional<SignedInCaller> resume(HttpServletRequest request) {
        String secret = SignInCookie.secretOf(request);
        Optional<SignedInCaller> caller = secret == null ? Optional.empty() : shared.resume(secret);
        caller.ifPresent(found -> serve(request, found));
        return caller;
    }

    /** Ends the browser's sign-in cookie (signing out). */
    void forget(HttpServletRequest request, HttpServletResponse response) {
        if (SignInCookie.secretOf(request) != null) {
            SignInCookie.clear(request, response, secureCookies());
        }
    }

    private void serve(HttpServletRequest request, SignedInCaller caller) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SignedInCaller.SESSION_ATTRIBUTE, caller);
        session.setMaxInactiveInterval((int) config.sessionIdleTimeout().toSeconds());
    }

    /** Secure when people reach Parley over HTTPS, even through a TLS proxy that forwards plain HTTP. */
    private boolean secureCookies() {
        return config.publicUrl().filter(url -> "https".equals(url.getScheme())).isPresent();
    }
}
