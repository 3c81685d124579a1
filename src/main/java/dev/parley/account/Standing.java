package dev.parley.account;

import java.util.Set;

/**
 * What an account may do right now. Read on every authenticated request, never kept in the session, so that
 * disabling someone or making them an admin takes effect with their next request, on every node.
 */
public record Standing(boolean admin, boolean disabled) {

    /** The roles a request by this account holds: {@code user}, and {@code admin} for admins. */
    public Set<String> roles() {
        return admin ? Roles.ADMIN_ACCOUNT : Roles.LOCAL_ACCOUNT;
    }
}
