package dev.parley.account;

import dev.parley.platform.ClientAddresses;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.HttpErrors;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parley's one authentication mechanism (Jakarta Security 3 allows one per application). It signs in with the
 * credential a sign-in call hands it, remembers the caller in the HTTP session, and answers an unauthenticated
 * request for a protected resource the way its client understands: a redirect to the sign-in page for
 * browsers (carrying the page asked for as {@code next}), a JSON 401 for the API and the WebSocket. Its other
 * branches: bearer tokens ({@link AccessTokens}), the company's OpenID Connect provider on the two
 * {@code /signin/oidc} paths ({@link OidcSignIn}), and LDAP users, whose password the LDAP identity store checks
 * ({@link LdapSettings}) and who are then found by their DN ({@link CompanySignIn}).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    static final String SIGN_IN_PAGE = "/signin.xhtml";
    /** Request attribute set when the password was right but the account is disabled (for {@link SignIn}). */
    static final String REFUSED_DISABLED = "parley.sign-in.refused-disabled";
    /** Request attribute naming the user a bearer token signed in. */
    static final String TOKEN_USER = "parley.sign-in.token-user";
    /** Request attribute: how a password sign-in was checked, "password" (local) or "ldap" (for the audit log). */
    static final String CHECKED_BY = "parley.sign-in.checked-by";

    private static final Logger LOG = Logger.getLogger(SignInMechanism.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    AccountIdentityStore localAccounts;

    @Inject
    AccountService accounts;

    @Inject
    AccessTokens tokens;

    @Inject
    SignedInSessions sessions;

    @Inject
    SharedSignIns shared;

    @Inject
    OidcSignIn oidc;

    @Inject
    LdapSettings ldap;

    @Inject
    CompanySignIn companySignIn;

    @Inject
    ClientAddresses clientAddresses;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String path = pathOf(request);
        if (OidcSignIn.isSignInPath(path)) {
            return oidc.validate(path, request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(credential, request, response, context);
        }
        String bearer = AccessTokens.secretIn(request.getHeader("Authorization"));
        if (bearer != null) {
            return withToken(bearer, request, response, context);
        }
        SignedInCaller caller = callerOf(request);
        if (caller != null && !shared.lasts(caller)) {
            // Ended on some node (signed out, idle too long, replaced): this session no longer serves it.
            request.getSession().removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
            caller = null;
        }
        if (caller == null) {
            caller = sessions.resume(request).orElse(null);
        }
        if (caller != null) {
            Optional<Standing> standing = accounts.standing(caller.username());
            if (standing.isPresent() && !standing.get().disabled()) {
                return context.notifyContainerAboutLogin(caller.username(), standing.get().roles());
            }
            // Disabled (or gone) since signing in: the sign-in ends here, for every node (its cookie cannot take it
            // up again); its sockets were closed when it happened.
            request.getSession().removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
            shared.end(caller, SignInEnded.Why.DISABLED);
            return context.isProtected()
                    ? refuse(request, response, context, ErrorCode.ACCOUNT_DISABLED, "This account is disabled")
                    : context.doNothing();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return refuse(request, response, context, ErrorCode.UNAUTHENTICATED, "Sign in first");
    }

    private AuthenticationStatus signIn(Credential credential, HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context) {
        CredentialValidationResult result;
        try {
            result = identityStores.validate(credential);
        } catch (RuntimeException directoryDown) {
            // The LDAP store throws when the directory cannot be reached; local accounts (the admins named in
            // PARLEY_ADMIN_USERS among them) must still sign in then.
            LOG.log(Level.WARNING, "The LDAP directory did not answer; checked local accounts only: {0}",
                    directoryDown.getMessage());
            result = localAccounts.validate(credential);
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        String username;
        if (result.getCallerDn() == null || result.getCallerDn().isEmpty()) {
            username = result.getCallerPrincipal().getName();
            request.setAttribute(CHECKED_BY, User.PASSWORD);
        } else {
            try {
                username = directoryUser(result, request);
            } catch (CompanySignIn.Refused refused) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.setAttribute(CHECKED_BY, CompanyPerson.LDAP);
        }
        Optional<Standing> standing = accounts.standing(username);
        if (standing.isEmpty() || standing.get().disabled()) {
            request.setAttribute(REFUSED_DISABLED, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        sessions.begin(request, response, username, null);
        return context.notifyContainerAboutLogin(username, standing.get().roles());
    }

    /**
     * The Parley user of someone the LDAP directory vouched for (only the directory's store gives a DN): found by
     * that DN, created at their first sign-in, an admin while in the configured admin group.
     */
    private String directoryUser(CredentialValidationResult result, HttpServletRequest request)
            throws CompanySignIn.Refused {
        String name = result.getCallerPrincipal().getName();
        CompanyPerson person = new CompanyPerson(CompanyPerson.LDAP_ISSUER, result.getCallerDn(), CompanyPerson.LDAP,
                name, name, null, result.getCallerGroups());
        return companySignIn.accept(person, ldap.adminGroup(), List.of(), clientAddresses.of(request));
    }

    /**
     * A request with {@code Authorization: Bearer}: the token's user, for this request only (no session). A token
     * that does not work is refused even where no sign-in is needed, so a bot learns at once that it is broken.
     */
    private AuthenticationStatus withToken(String secret, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<String> user = tokens.userOf(secret);
        Optional<Standing> standing = user.flatMap(accounts::standing).filter(account -> !account.disabled());
        if (standing.isEmpty()) {
            writeJson(response, ErrorCode.UNAUTHENTICATED, "The token is unknown, expired or revoked, or its"
                    + " account is disabled");
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(TOKEN_USER, user.get());
        return context.notifyContainerAboutLogin(user.get(), standing.get().roles());
    }

    /** Whether this request was signed in by a personal access token rather than a session. */
    public static boolean isTokenRequest(HttpServletRequest request) {
        return request.getAttribute(TOKEN_USER) != null;
    }

    /** The sign-in a session request runs under; null for token requests. */
    static String signInIdOf(HttpServletRequest request) {
        SignedInCaller caller = callerOf(request);
        return caller == null ? null : caller.signInId();
    }

    private static SignedInCaller callerOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (SignedInCaller) session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE);
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, ErrorCode code, String message) {
        String path = pathOf(request);
        if (path.startsWith("/api/") || path.equals("/ws")) {
            writeJson(response, code, message);
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next="
                + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8));
    }

    /** The request's path inside Parley: without the context root. */
    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Where the browser was going, so sign-in can bring it back there (SignInView checks it is ours). */
    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    /**
     * Writes the refusal, unless there is nobody to write it to. A client that hung up mid-request makes Payara's
     * response throw unchecked exceptions (a NullPointerException inside Grizzly); escaping validateRequest, they
     * left that worker thread's CDI contexts half-open, and the next request it served failed with 500 (seen in
     * ReconnectInTheBrowserIT, whose test pulls the network cable). So nothing escapes from here.
     */
    private static void writeJson(HttpServletResponse response, ErrorCode code, String message) {
        if (response.isCommitted()) {
            return;
        }
        try {
            HttpErrors.write(response, code, message);
            response.flushBuffer();
        } catch (IOException | RuntimeException clientGone) {
            // Nothing to tell a client that has hung up.
        }
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
        }
    }
}
