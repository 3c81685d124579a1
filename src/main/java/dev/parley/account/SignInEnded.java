package dev.parley.account;

/**
 * A sign-in is over: everything opened under it (the WebSocket connections) must end too. Fired while the
 * session no longer answers to it, so nothing can open under it any more.
 */
public record SignInEnded(String username, String signInId, Why why) {

    public enum Why {
        SIGNED_OUT,
        /** The session was idle longer than its timeout (or the container ended it). */
        EXPIRED,
        /** The same browser signed in again, as the same person or another: the old sign-in is replaced. */
        SIGNED_IN_AGAIN,
        /** An admin disabled the account; found at the sign-in's next request (its sockets closed at once). */
        DISABLED,
        /** The person changed their password: every other sign-in of theirs ends. */
        PASSWORD_CHANGED
    }
}
