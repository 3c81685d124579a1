package dev.parley.account;

import java.util.Set;

/** The roles Parley knows. Every signed-in person is a {@code user}; SSO will map company groups onto roles. */
public final class Roles {

    public static final String USER = "user";

    static final Set<String> LOCAL_ACCOUNT = Set.of(USER);

    private Roles() {
    }
}
