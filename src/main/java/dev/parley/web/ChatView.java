package dev.parley.web;

import dev.parley.account.AccountService;
import dev.parley.account.Roles;
import dev.parley.account.UserView;
import dev.parley.platform.SiteSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** What the chat page needs to know before its script takes over: who is signed in, and the longest message. */
@Named
@RequestScoped
public class ChatView {

    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    @Inject
    SiteSettings settings;

    private UserView me;

    private UserView me() {
        if (me == null) {
            me = accounts.user(security.getCallerPrincipal().getName()).orElseThrow();
        }
        return me;
    }

    public String getUsername() {
        return me().username();
    }

    public String getDisplayName() {
        return me().displayName();
    }

    /** Admins get a link to the admin console. */
    public boolean isAdmin() {
        return security.isCallerInRole(Roles.ADMIN);
    }

    /** The composer counts down to it, so a long message is shortened before the server refuses it. */
    public int getMaxMessageLength() {
        return settings.maxMessageLength();
    }
}
