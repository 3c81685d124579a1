package dev.parley.account;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;

/**
 * The sign-in page: the password form (local accounts and LDAP) and, with a company OpenID Connect provider, its
 * "Sign in with ..." button. A {@code next} parameter (set by {@link SignInMechanism} or the chat page when a session
 * ended) says where to go afterwards; the form carries it through its post in a hidden field, the button in its
 * link. A {@code problem} parameter is why a company sign-in came back refused.
 */
@Named
@RequestScoped
public class SignInView {

    @Inject
    SignIn signIn;

    @Inject
    FacesContext faces;

    @Inject
    OidcSettings oidc;

    @Inject
    LdapSettings ldap;

    @Inject
    ParleyConfig config;

    private String username;
    private String password;
    private String next;

    @PostConstruct
    void readParameters() {
        next = faces.getExternalContext().getRequestParameterMap().get("next");
        String problem = faces.getExternalContext().getRequestParameterMap().get("problem");
        String message = problem == null ? null : switch (problem) {
            case "domain" -> "Your account at " + oidc.getProviderName() + " may not sign in here (its email domain"
                    + " is not one this Parley accepts).";
            case "disabled" -> "This account is disabled; ask an admin.";
            default -> "Signing in with " + (oidc.isEnabled() ? oidc.getProviderName() : "your company")
                    + " did not work. Please try again.";
        };
        if (message != null && !faces.isPostback()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
    }

    /** Whether the page offers "Sign in with ..." (a company OpenID Connect provider is configured). */
    public boolean isCompanySignIn() {
        return oidc.isEnabled();
    }

    public String getProviderName() {
        return oidc.getProviderName();
    }

    /** Where the company sign-in button goes, carrying {@code next}. */
    public String getCompanySignInUrl() {
        String start = faces.getExternalContext().getRequestContextPath() + OidcSettings.START_PATH;
        return next == null || next.isEmpty() ? start : start + "?next=" + URLEncoder.encode(next, UTF_8);
    }

    /** Whether the password form is there: for local accounts, or for the LDAP directory's people. */
    public boolean isPasswordForm() {
        return config.localLogin() || ldap.isEnabled();
    }

    /** Whether people may create local accounts here. */
    public boolean isRegistration() {
        return config.localLogin();
    }

    public String signIn() {
        ExternalContext external = faces.getExternalContext();
        try {
            if (!signIn.withPassword((HttpServletRequest) external.getRequest(),
                    (HttpServletResponse) external.getResponse(), username, password)) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password",
                        null));
                return null;
            }
        } catch (ParleyException tooMany) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, tooMany.getMessage(), null));
            return null;
        }
        try {
            String home = external.getRequestContextPath() + "/";
            external.redirect(isOwnPath(next, home) ? next : home + "index.xhtml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return null;
    }

    /**
     * Only a path of this application ({@code home} is its context path and "/"): never "//host/x" or "/\host/x"
     * (browsers read both as another host), nothing that could split the Location header, nothing of another
     * application on the same server. Anything else would make sign-in an open redirect.
     */
    static boolean isOwnPath(String path, String home) {
        return path != null && path.startsWith(home) && !path.startsWith("//")
                && path.chars().noneMatch(c -> c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
