package dev.parley.account;

import dev.parley.platform.ParleyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Starts a sign-in in the request's HTTP session, whichever way the person proved who they are. */
@ApplicationScoped
class SignedInSessions {

    @Inject
    ParleyConfig config;

    @Inject
    Event<SignInEnded> ended;

    /**
     * Puts {@code username} into the session under a new sign-in id and a new session id (an id planted before
     * sign-in, session fixation, is worth nothing after). A sign-in the session held before is replaced first, so
     * no socket can open under it once its sockets are closed.
     */
    void begin(HttpServletRequest request, String username) {
        HttpSession session = request.getSession(true);
        SignedInCaller previous = (SignedInCaller) session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE);
        request.changeSessionId();
        session.setAttribute(SignedInCaller.SESSION_ATTRIBUTE, SignedInCaller.signingIn(username));
        session.setMaxInactiveInterval((int) config.sessionIdleTimeout().toSeconds());
        if (previous != null) {
            ended.fire(new SignInEnded(previous.username(), previous.signInId(), SignInEnded.Why.SIGNED_IN_AGAIN));
        }
    }
}
