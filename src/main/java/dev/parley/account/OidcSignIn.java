package dev.parley.account;

import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.platform.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenID Connect branch of {@link SignInMechanism}: {@code /signin/oidc} sends the browser to the company's
 * provider, {@code /signin/oidc/callback} brings it back. Jakarta Security's own OpenID Connect mechanism does the
 * protocol (state, nonce, code exchange, and the ID token's signature, issuer, audience and expiry); this class
 * then finds or creates the Parley user of the person it vouched for and signs them in as a password sign-in
 * would: a new session id, the caller in the session, the audit log.
 */
@ApplicationScoped
class OidcSignIn {

    /** Session attribute: where the browser goes after the provider brought it back. */
    static final String NEXT = "parley.oidc.next";

    @Inject
    OidcSettings settings;

    @Inject
    BeanManager beans;

    @Inject
    Instance<OpenIdContext> openId;

    @Inject
    CompanySignIn companySignIn;

    @Inject
    SignedInSessions sessions;

    @Inject
    AccountService accounts;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    AuditLog audit;

    private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());

    private volatile HttpAuthenticationMechanism protocol;

    static boolean isSignInPath(String path) {
        return OidcSettings.START_PATH.equals(path) || OidcSettings.CALLBACK_PATH.equals(path);
    }

    AuthenticationStatus validate(String path, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (!settings.isEnabled()) {
            return context.responseNotFound();
        }
        if (OidcSettings.START_PATH.equals(path)) {
            String next = request.getParameter("next");
            if (next != null && SignInView.isOwnPath(next, request.getContextPath() + "/")) {
                request.getSession(true).setAttribute(NEXT, next);
            }
            return protocol().validateRequest(request, response, context);
        }
        String address = clientAddresses.of(request);
        AuthenticationStatus status;
        try {
            status = protocol().validateRequest(request, response, context);
        } catch (RuntimeException refused) {
            // How the mechanism refuses an ID token with another issuer or audience, a bad signature, or expired.
            LOG.log(Level.WARNING, "Company sign-in refused: {0}", refused.getMessage());
            status = AuthenticationStatus.SEND_FAILURE;
        }
        if (status != AuthenticationStatus.SUCCESS) {
            audit.record(null, AuditAction.SIGN_IN_FAILED, null, "oidc", address);
            return backToSignIn(request, context, "failed");
        }
        OpenIdContext vouched = openId.get();
        String username;
        try {
            username = companySignIn.accept(person(vouched), settings.adminGroup(), settings.allowedDomains(),
                    address);
        } catch (CompanySignIn.Refused refused) {
            return backToSignIn(request, context, refused.problem());
        }
        Optional<Standing> standing = accounts.standing(username);
        if (standing.isEmpty() || standing.get().disabled()) {
            audit.record(null, AuditAction.SIGN_IN_REFUSED_DISABLED, username, "oidc", address);
            return backToSignIn(request, context, "disabled");
        }
        HttpSession session = request.getSession(true);
        Object next = session.getAttribute(NEXT);
        String signOut = providerSignOut(vouched, request);
        sessions.begin(request, response, username, signOut);
        audit.record(username, AuditAction.SIGNED_IN, null, "oidc", address);
        String home = request.getContextPath() + "/";
        return context.redirect(next instanceof String page && SignInView.isOwnPath(page, home) ? page : home);
    }

    /** Jakarta Security's OpenID Connect mechanism: the other mechanism bean besides ours. */
    private HttpAuthenticationMechanism protocol() {
        HttpAuthenticationMechanism found = protocol;
        if (found == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(candidate -> !SignInMechanism.class.isAssignableFrom(candidate.getBeanClass()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No OpenID Connect mechanism"));
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            protocol = found;
        }
        return found;
    }

    /** The person the provider vouched for, from the ID token and the user info (the latter wins). */
    private CompanyPerson person(OpenIdContext vouched) {
        JsonObject userInfo = vouched.getClaimsJson();
        String issuer = vouched.getIdentityToken().getJwtClaims().getIssuer().orElse(settings.getIssuer());
        String name = claim(vouched, userInfo, settings.usernameClaim())
                .or(() -> claim(vouched, userInfo, "email")).orElse(vouched.getSubject());
        boolean emailVerified = userInfo.getBoolean("email_verified", false);
        String email = emailVerified ? claim(vouched, userInfo, "email").orElse(null) : null;
        return new CompanyPerson(issuer, vouched.getSubject(), CompanyPerson.OIDC, name,
                claim(vouched, userInfo, "name").orElse(name), email, groups(userInfo));
    }

    private static Optional<String> claim(OpenIdContext vouched, JsonObject userInfo, String name) {
        if (userInfo.get(name) instanceof JsonString value && !value.getString().isBlank()) {
            return Optional.of(value.getString());
        }
        return vouched.getIdentityToken().getJwtClaims().getStringClaim(name).filter(value -> !value.isBlank());
    }

    private Set<String> groups(JsonObject userInfo) {
        Set<String> groups = new LinkedHashSet<>();
        JsonValue claim = userInfo.get(settings.groupsClaim());
        if (claim != null && claim.getValueType() == JsonValue.ValueType.ARRAY) {
            claim.asJsonArray().forEach(group -> {
                if (group instanceof JsonString named) {
                    // Keycloak may send full paths ("/parley-admins"); a group is matched by its name.
                    groups.add(named.getString().replaceFirst("^/", ""));
                }
            });
        }
        return groups;
    }

    /**
     * The provider's end-session address (RP-initiated logout) for this sign-in, or null when the provider has
     * none: signing out of Parley then ends the provider's session too, and the provider sends the browser back to
     * Parley's sign-in page.
     */
    private static String providerSignOut(OpenIdContext vouched, HttpServletRequest request) {
        JsonObject provider = vouched.getProviderMetadata();
        if (provider == null || !(provider.get("end_session_endpoint") instanceof JsonString endpoint)) {
            return null;
        }
        String back = request.getRequestURL().toString().replace(OidcSettings.CALLBACK_PATH, "/signin.xhtml");
        String separator = endpoint.getString().contains("?") ? "&" : "?";
        return endpoint.getString() + separator + "id_token_hint="
                + URLEncoder.encode(vouched.getIdentityToken().getToken(), StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    private static AuthenticationStatus backToSignIn(HttpServletRequest request, HttpMessageContext context,
            String problem) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate(); // nothing of a refused sign-in stays behind, tokens included
        }
        return context.redirect(request.getContextPath() + SignInMechanism.SIGN_IN_PAGE + "?problem=" + problem);
    }
}
