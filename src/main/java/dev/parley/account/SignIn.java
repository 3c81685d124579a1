package dev.parley.account;

import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.platform.ClientAddresses;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** Signs a request's caller in with a username and password, through {@link SignInMechanism}, and out again. */
@ApplicationScoped
public class SignIn {

    @Inject
    SecurityContext security;

    @Inject
    SharedSignIns shared;

    @Inject
    SignedInSessions sessions;

    @Inject
    SignInThrottle throttle;

    @Inject
    PasswordHashing hashing;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    AuditLog audit;

    @Inject
    ParleyConfig config;

    @Inject
    LdapSettings ldap;

    @Inject
    OidcSettings oidc;

    /**
     * Whether the password is the user's, and if so signs them in. Refuses with {@code too_many_attempts} (without
     * checking the password) while the account or the address must wait, or while too many sign-ins are hashing;
     * with {@code account_disabled} when the password is right but an admin disabled the account. Every answer
     * that checked the password goes into the audit log (the refusals before it do not: a flood of them would
     * otherwise be a flood of writes).
     */
    public boolean withPassword(HttpServletRequest request, HttpServletResponse response, String username,
            String password) {
        if (username == null || password == null) {
            return false;
        }
        if (!config.localLogin() && !ldap.isEnabled()) {
            throw new ParleyException(ErrorCode.PASSWORD_SIGN_IN_OFF, "Password sign-in is off here; sign in"
                    + (oidc.isEnabled() ? " with " + oidc.getProviderName() : " through your company"));
        }
        String address = clientAddresses.of(request);
        throttle.checkSignIn(username, address);
        if (ldap.isEnabled() && !LdapSettings.isSafeName(username)) {
            throttle.failed(username, address);
            audit.record(null, AuditAction.SIGN_IN_FAILED, username, "ldap: refused name", address);
            return false;
        }
        AuthenticationStatus status = hashing.hash(() -> security.authenticate(request, response,
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true)));
        if (status == AuthenticationStatus.SUCCESS) {
            throttle.succeeded(username, address);
            audit.record(security.getCallerPrincipal().getName(), AuditAction.SIGNED_IN, null,
                    (String) request.getAttribute(SignInMechanism.CHECKED_BY), address);
            return true;
        }
        if (Boolean.TRUE.equals(request.getAttribute(SignInMechanism.REFUSED_DISABLED))) {
            // The right password: no throttling, but no sign-in either, and a clear answer.
            audit.record(null, AuditAction.SIGN_IN_REFUSED_DISABLED, username, "password", address);
            throw new ParleyException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled; ask an admin");
        }
        throttle.failed(username, address);
        audit.record(null, AuditAction.SIGN_IN_FAILED, username, "password", address);
        return false;
    }

    /**
     * Ends the sign-in (on every node), its session and the browser's sign-in cookie: signing out. The answer is
     * where the browser goes on to when the sign-in came from the company's identity provider: its sign-out page.
     */
    public Optional<String> signOut(HttpServletRequest request, HttpServletResponse response)
            throws ServletException {
        Optional<String> providerSignOut = Optional.empty();
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            providerSignOut = shared.providerSignOut(caller);
            end(session, SignInEnded.Why.SIGNED_OUT);
        }
        sessions.forget(request, response);
        request.logout();
        HttpSession left = request.getSession(false);
        if (left != null) {
            left.invalidate();
        }
        return providerSignOut;
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
            shared.end(caller, why);
        }
    }
}
