package dev.parley.admin;

import dev.parley.account.AccountSummary;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/** The console's people tab: find accounts, disable or enable them, make them admins or not. */
@Named
@ViewScoped
public class PeopleConsole implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Shown at once; a search narrows it down. */
    static final int SHOWN = 200;

    @Inject
    AdminService admins;

    private String query;
    private String linkFrom;
    private String linkTo;
    private List<AccountSummary> people = List.of();

    @PostConstruct
    void load() {
        people = ConsoleActions.list(admins, admin -> admins.users(admin, query, null, SHOWN));
    }

    public void search() {
        load();
    }

    public void disable(String username) {
        change(admin -> admins.setDisabled(admin, username, true), username + " is disabled");
    }

    public void enable(String username) {
        change(admin -> admins.setDisabled(admin, username, false), username + " is enabled");
    }

    public void grantAdmin(String username) {
        change(admin -> admins.setAdmin(admin, username, true), username + " is now an admin");
    }

    public void revokeAdmin(String username) {
        change(admin -> admins.setAdmin(admin, username, false), username + " is no longer an admin");
    }

    /** The form under the list: the company sign-ins of {@code linkFrom} sign in as {@code linkTo} from now on. */
    public void link() {
        String to = linkTo;
        String from = linkFrom;
        change(admin -> admins.link(admin, to, from), "Company sign-ins of " + from + " now sign in as " + to
                + "; " + from + " is disabled");
    }

    private void change(Consumer<Admin> action, String done) {
        ConsoleActions.act(admins, action, done);
        load();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getLinkFrom() {
        return linkFrom;
    }

    public void setLinkFrom(String linkFrom) {
        this.linkFrom = linkFrom;
    }

    public String getLinkTo() {
        return linkTo;
    }

    public void setLinkTo(String linkTo) {
        this.linkTo = linkTo;
    }

    public List<AccountSummary> getPeople() {
        return people;
    }
}
