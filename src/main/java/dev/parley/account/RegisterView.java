package dev.parley.account;

import dev.parley.platform.ClientAddresses;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The registration page's form: each rule's message goes next to the field it is about. */
@Named
@RequestScoped
public class RegisterView {

    @Inject
    AccountService accounts;

    @Inject
    SignIn signIn;

    @Inject
    FacesContext faces;

    @Inject
    SignInThrottle throttle;

    @Inject
    ClientAddresses clientAddresses;

    private String username;
    private String displayName;
    private String password;

    public String register() {
        boolean valid = check("register:username", () -> Username.of(username))
                & check("register:password", () -> AccountService.checkPassword(password))
                & check("register:displayName", () -> AccountService.checkDisplayName(displayName));
        if (!valid) {
            return null;
        }
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        try {
            throttle.checkRegistration(clientAddresses.of(request));
            accounts.register(username, password, displayName);
        } catch (ParleyException refused) {
            String field = refused.code() == ErrorCode.TAKEN ? "register:username" : null;
            faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
            return null;
        }
        ExternalContext external = faces.getExternalContext();
        try {
            signIn.withPassword(request, (HttpServletResponse) external.getResponse(), username, password);
        } catch (ParleyException busy) {
            // Registered; signing in can wait: the sign-in page says why.
            return "/signin.xhtml?faces-redirect=true";
        }
        return "/index.xhtml?faces-redirect=true";
    }

    private boolean check(String field, Runnable rule) {
        try {
            rule.run();
            return true;
        } catch (ParleyException broken) {
            faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, broken.getMessage(), null));
            return false;
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
