package dev.parley.account;

import dev.parley.platform.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** Signs a request's caller in with a username and password, through {@link SignInMechanism}, and out again. */
@ApplicationScoped
public class SignIn {

    @Inject
    SecurityContext security;

    @Inject
    Event<SignInEnded> ended;

    @Inject
    SignInThrottle throttle;

    @Inject
    PasswordHashing hashing;

    @Inject
    ClientAddresses clientAddresses;

    /**
     * Whether the password is the user's, and if so signs them in. Refuses with {@code too_many_attempts} (without
     * checking the password) while the account or the address must wait, or while too many sign-ins are hashing.
     */
    public boolean withPassword(HttpServletRequest request, HttpServletResponse response, String username,
            String password) {
        if (username == null || password == null) {
            return false;
        }
        String address = clientAddresses.of(request);
        throttle.checkSignIn(username, address);
        AuthenticationStatus status = hashing.hash(() -> security.authenticate(request, response,
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true)));
        if (status == AuthenticationStatus.SUCCESS) {
            throttle.succeeded(username, address);
            return true;
        }
        throttle.failed(username, address);
        return false;
    }

    /** Ends the sign-in and its session: signing out. */
    public void signOut(HttpServletRequest request) throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            end(session, SignInEnded.Why.SIGNED_OUT);
        }
        request.logout();
        HttpSession left = request.getSession(false);
        if (left != null) {
            left.invalidate();
        }
    }

    /** Ends a sign-in that has been idle too long, and its session. */
    public void expire(HttpSession session) {
        end(session, SignInEnded.Why.EXPIRED);
        session.invalidate();
    }

    /**
     * The caller leaves the session before {@link SignInEnded} closes its sockets: a socket whose handshake races
     * with this finds nobody signed in, or is closed by the event. Done before the session is invalidated, because
     * the container closes one of the session's sockets itself then, with a code of its own (1008).
     */
    private void end(HttpSession session, SignInEnded.Why why) {
        if (session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            session.removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
            ended.fire(new SignInEnded(caller.username(), caller.signInId(), why));
        }
    }
}
