package dev.parley.platform;

/**
 * The error codes of the client contract, each with the HTTP status it maps to. The same code travels in an
 * HTTP error body and in an {@code error} WebSocket frame, so a client needs one table of codes.
 */
public enum ErrorCode {
    INVALID("invalid", 400),
    TAKEN("taken", 409),
    REGISTRATION_CLOSED("registration_closed", 403),
    BAD_CREDENTIALS("bad_credentials", 401),
    /** Password sign-in is off here ({@code PARLEY_LOCAL_LOGIN=false} and no LDAP): people sign in with SSO. */
    PASSWORD_SIGN_IN_OFF("password_sign_in_off", 403),
    UNAUTHENTICATED("unauthenticated", 401),
    UNKNOWN_USER("unknown_user", 404),
    UNKNOWN_ROOM("unknown_room", 404),
    NOT_MEMBER("not_member", 403),
    /** A member asked for something only another member may do (edit someone else's message, remove a member). */
    NOT_ALLOWED("not_allowed", 403),
    UNKNOWN_MESSAGE("unknown_message", 404),
    /** The room is archived: members may read it and leave, nothing is posted, edited or added to it. */
    ROOM_ARCHIVED("room_archived", 403),
    UNKNOWN_TOKEN("unknown_token", 404),
    /** No such file, or not one the caller may read or attach. */
    UNKNOWN_FILE("unknown_file", 404),
    BAD_REQUEST("bad_request", 400),
    TOO_LARGE("too_large", 413),
    RATE_LIMITED("rate_limited", 429),
    /** Too many failed sign-ins for an account or from an address, or too many sign-ins at once: wait Retry-After. */
    TOO_MANY_ATTEMPTS("too_many_attempts", 429),
    FORBIDDEN_ORIGIN("forbidden_origin", 403),
    /** The account was disabled by an admin: nothing works for it until it is enabled again. */
    ACCOUNT_DISABLED("account_disabled", 403),
    /** The caller is signed in but is not an admin, and asked for something only admins may do. */
    ADMINS_ONLY("admins_only", 403),
    /** Something failed on Parley's side; nothing was stored, so the same request may be sent again. */
    INTERNAL("internal", 500);

    private final String code;
    private final int httpStatus;

    ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
