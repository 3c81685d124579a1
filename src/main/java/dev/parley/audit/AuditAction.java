package dev.parley.audit;

/** What an audit entry records; {@code code} is what the console and {@code GET /api/admin/audit} show. */
public enum AuditAction {
    SIGNED_IN("signed_in"),
    SIGN_IN_FAILED("sign_in_failed"),
    SIGN_IN_REFUSED_DISABLED("sign_in_refused_disabled"),
    /** A person's first sign-in through the company's identity provider created their Parley user. */
    USER_PROVISIONED("user_provisioned"),
    USER_DISABLED("user_disabled"),
    USER_ENABLED("user_enabled"),
    ADMIN_GRANTED("admin_granted"),
    ADMIN_REVOKED("admin_revoked"),
    /** An admin made another account's company sign-ins sign in as this account. */
    IDENTITY_LINKED("identity_linked"),
    MEMBER_REMOVED("member_removed"),
    MESSAGE_REMOVED("message_removed"),
    SETTINGS_CHANGED("settings_changed"),
    TOKEN_CREATED("token_created"),
    TOKEN_REVOKED("token_revoked");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
