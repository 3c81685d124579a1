package dev.parley.account;

import dev.parley.platform.ParleyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The company's OpenID Connect provider, from configuration ({@code PARLEY_OIDC_*}), and the definition Jakarta
 * Security builds its OpenID Connect mechanism from. That annotation reads no configuration of its own, so its
 * values are EL over this bean. {@link SignInMechanism} hands the mechanism the two sign-in paths only; without an
 * issuer configured they answer 404 and nothing else changes.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.issuer}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${oidcSettings.redirectUri}",
        scopeExpression = "${oidcSettings.scopes}",
        // The subject names the caller for this one request; the Parley user is found from issuer + subject.
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "sub", callerGroupsClaim = "groups"))
@Named("oidcSettings")
@ApplicationScoped
public class OidcSettings {

    /** Where the browser starts a company sign-in. */
    public static final String START_PATH = "/signin/oidc";
    /** Where the provider sends the browser back: register {@code <Parley's URL>/signin/oidc/callback} with it. */
    public static final String CALLBACK_PATH = "/signin/oidc/callback";

    @Inject
    @ConfigProperty(name = "parley.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "parley.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "parley.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "parley.oidc.provider-name")
    Optional<String> providerName;

    @Inject
    @ConfigProperty(name = "parley.oidc.scopes", defaultValue = "openid profile email")
    String scopes;

    @Inject
    @ConfigProperty(name = "parley.oidc.username-claim", defaultValue = "preferred_username")
    String usernameClaim;

    @Inject
    @ConfigProperty(name = "parley.oidc.groups-claim", defaultValue = "groups")
    String groupsClaim;

    @Inject
    @ConfigProperty(name = "parley.oidc.admin-group")
    Optional<String> adminGroup;

    @Inject
    @ConfigProperty(name = "parley.oidc.allowed-domains")
    Optional<String> allowedDomains;

    @Inject
    ParleyConfig config;

    /** Whether company sign-in is on: an issuer is configured. */
    public boolean isEnabled() {
        return !getIssuer().isEmpty();
    }

    public String getIssuer() {
        return issuer.map(String::strip).orElse("");
    }

    public String getClientId() {
        return clientId.map(String::strip).orElse("");
    }

    public String getClientSecret() {
        return clientSecret.orElse("");
    }

    /** The sign-in button's "Sign in with ..." name; the issuer's host when none is configured. */
    public String getProviderName() {
        return providerName.map(String::strip).filter(name -> !name.isEmpty())
                .orElseGet(() -> URI.create(getIssuer()).getHost());
    }

    public String getScopes() {
        return scopes.strip();
    }

    /**
     * {@code <PARLEY_PUBLIC_URL>/signin/oidc/callback}; without a public URL, the address the request came to
     * ({@code ${baseURL}} is filled in by the mechanism).
     */
    public String getRedirectUri() {
        return config.publicUrl().map(url -> url.toString().replaceAll("/+$", ""))
                .orElse("${baseURL}") + CALLBACK_PATH;
    }

    String usernameClaim() {
        return usernameClaim.strip();
    }

    String groupsClaim() {
        return groupsClaim.strip();
    }

    Optional<String> adminGroup() {
        return adminGroup.map(String::strip).filter(group -> !group.isEmpty());
    }

    /** Email domains whose people may sign in (lower case); empty means everyone the provider vouches for. */
    List<String> allowedDomains() {
        return ParleyConfig.commaSeparated(allowedDomains).stream()
                .map(domain -> domain.toLowerCase(Locale.ROOT).replaceFirst("^@", "")).toList();
    }
}
