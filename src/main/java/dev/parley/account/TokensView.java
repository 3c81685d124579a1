package dev.parley.account;

import dev.parley.platform.ClientAddresses;
import dev.parley.platform.ParleyException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;

/** The access tokens page: create one (its secret shown once), see them all, revoke any. */
@Named
@ViewScoped
public class TokensView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccessTokens tokens;

    @Inject
    SecurityContext security;

    @Inject
    ClientAddresses clientAddresses;

    private String name;
    private int days = 30;
    private String newSecret;
    private List<AccessTokenView> list = List.of();

    @PostConstruct
    void load() {
        list = tokens.of(me());
    }

    public void create() {
        try {
            AccessTokenView created = tokens.create(me(), name, (long) days, address());
            newSecret = created.token();
            name = null;
        } catch (ParleyException refused) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        }
        load();
    }

    public void revoke(String id) {
        tokens.revoke(me(), id, address());
        newSecret = null;
        load();
    }

    private String me() {
        return security.getCallerPrincipal().getName();
    }

    private String address() {
        return clientAddresses.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest());
    }

    public List<Integer> getDayChoices() {
        return List.of(7, 30, 90, 365);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }

    public String getNewSecret() {
        return newSecret;
    }

    public List<AccessTokenView> getList() {
        return list;
    }
}
