package dev.parley.account;

/** A token was revoked: the sockets opened with it (sign-in {@code signInId}) must close on every node. */
public record AccessTokenRevoked(String username, String signInId) {
}
