package dev.parley.account;

/**
 * A personal access token as its owner sees it. {@code state} is {@code active}, {@code expired} or
 * {@code revoked}; {@code token}, the secret, is present only in the answer that created it.
 */
public record AccessTokenView(String id, String name, String createdAt, String expiresAt, String lastUsedAt,
        String state, String token) {
}
