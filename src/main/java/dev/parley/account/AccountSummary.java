package dev.parley.account;

/**
 * An account as the admin console sees it. {@code adminByConfiguration}: named in {@code PARLEY_ADMIN_USERS}, so
 * an admin whatever the console says; {@code signIn}: how the person signs in ({@code password} for a local
 * account).
 */
public record AccountSummary(String username, String displayName, boolean admin, boolean adminByConfiguration,
        boolean disabled, String disabledAt, String signIn, String createdAt) {
}
