package dev.parley.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The sign-in page's form. */
@Named
@RequestScoped
public class SignInView {

    @Inject
    SignIn signIn;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public String signIn() {
        ExternalContext external = faces.getExternalContext();
        if (signIn.withPassword((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), username, password)) {
            return "/index.xhtml?faces-redirect=true";
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password", null));
        return null;
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
}
