package dev.parley.account;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.HttpErrors;
import dev.parley.platform.ParleyConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
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

/**
 * Parley's one authentication mechanism (Jakarta Security 3 allows one per application). It signs in with the
 * credential a sign-in call hands it, remembers the caller in the HTTP session, and answers an unauthenticated
 * request for a protected resource the way its client understands: a redirect to the sign-in page for
 * browsers (carrying the page asked for as {@code next}), a JSON 401 for the API and the WebSocket. Company SSO
 * will be another branch here, not a rewrite.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    static final String SIGN_IN_PAGE = "/signin.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ParleyConfig config;

    @Inject
    Event<SignInEnded> ended;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(credential, request, context);
        }
        SignedInCaller caller = callerOf(request);
        if (caller != null) {
            return context.notifyContainerAboutLogin(caller.username(), caller.groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return refuse(request, response, context);
    }

    private AuthenticationStatus signIn(Credential credential, HttpServletRequest request,
            HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(true);
        SignedInCaller previous = callerOf(request);
        // A new session id at sign-in: an id planted before sign-in (session fixation) is worth nothing after.
        request.changeSessionId();
        session.setAttribute(SignedInCaller.SESSION_ATTRIBUTE,
                SignedInCaller.signingIn(result.getCallerPrincipal().getName(), result.getCallerGroups()));
        session.setMaxInactiveInterval((int) config.sessionIdleTimeout().toSeconds());
        if (previous != null) {
            // Replaced above first, so no socket can open under the old sign-in once its sockets are closed.
            ended.fire(new SignInEnded(previous.username(), previous.signInId(), SignInEnded.Why.SIGNED_IN_AGAIN));
        }
        return context.notifyContainerAboutLogin(result);
    }

    private static SignedInCaller callerOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (SignedInCaller) session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE);
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.equals("/ws")) {
            unauthorizedJson(response);
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next="
                + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8));
    }

    /** Where the browser was going, so sign-in can bring it back there (SignInView checks it is ours). */
    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private static void unauthorizedJson(HttpServletResponse response) {
        try {
            HttpErrors.write(response, ErrorCode.UNAUTHENTICATED, "Sign in first");
            response.flushBuffer();
        } catch (IOException clientGone) {
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
