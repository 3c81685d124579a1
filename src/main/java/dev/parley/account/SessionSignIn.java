package dev.parley.account;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** The sign-in an HTTP session holds now, for code that opens something under it (the WebSocket handshake). */
public final class SessionSignIn {

    private SessionSignIn() {
    }

    /** The id of the session's current sign-in; empty when nobody is signed in or the session has ended. */
    public static Optional<String> idIn(HttpSession session) {
        try {
            return Optional.ofNullable(session)
                    .map(s -> (SignedInCaller) s.getAttribute(SignedInCaller.SESSION_ATTRIBUTE))
                    .map(SignedInCaller::signInId);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }
}
