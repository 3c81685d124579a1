package dev.parley.account;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who is signed in on an HTTP session; kept in the session so each request can be authenticated from it. What they
 * may do is not kept here: it is read from the account on every request ({@link Standing}).
 * {@code signInId} names this one sign-in: the WebSocket connections opened under it carry it, so that ending
 * the sign-in (sign-out, expiry, signing in again) can close exactly them, whatever happened to the session id.
 */
record SignedInCaller(String username, String signInId) implements Serializable {

    static final String SESSION_ATTRIBUTE = "parley.caller";

    static SignedInCaller signingIn(String username) {
        return new SignedInCaller(username, UUID.randomUUID().toString());
    }
}
