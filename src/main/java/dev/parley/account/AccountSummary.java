package dev.parley.account;

/**
 * An account as the admin console sees it. {@code adminByConfiguration}: named in {@code PARLEY_ADMIN_USERS}, so
 * an admin whatever the console says; {@code adminByGroup}: in the identity provider's admin group at their last
 * sign-in; {@code signIn}: how the person signs in ({@code password} for a local account, {@code oidc},
 * {@code ldap}).
 */
public record AccountSummary(String username, String displayName, boolean admin, boolean adminByConfiguration,
        boolean adminByGroup, boolean disabled, String disabledAt, String signIn, String createdAt) {
}
