package dev.parley.account;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * Who is signed in on an HTTP session; kept in the session so each request can be authenticated from it.
 * {@code signInId} names this one sign-in: the WebSocket connections opened under it carry it, so that ending
 * the sign-in (sign-out, expiry, signing in again) can close exactly them, whatever happened to the session id.
 */
record SignedInCaller(String username, Set<String> groups, String signInId) implements Serializable {

    static final String SESSION_ATTRIBUTE = "parley.caller";

    static SignedInCaller signingIn(String username, Set<String> groups) {
        return new SignedInCaller(username, Set.copyOf(groups), UUID.randomUUID().toString());
    }
}
