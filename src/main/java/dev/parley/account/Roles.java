package dev.parley.account;

import java.util.Set;

/** The roles Parley knows. Every signed-in person is a {@code user}; admins are also {@code admin}. */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    static final Set<String> LOCAL_ACCOUNT = Set.of(USER);
    static final Set<String> ADMIN_ACCOUNT = Set.of(USER, ADMIN);

    private Roles() {
    }
}
