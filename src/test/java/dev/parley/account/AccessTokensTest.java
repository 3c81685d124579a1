package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading a Bearer header, and the sign-in id a token's sockets carry. */
class AccessTokensTest {

    @Test
    void onlyABearerHeaderCarriesASecret() {
        assertEquals("parley_abc", AccessTokens.secretIn("Bearer parley_abc"));
        assertEquals("parley_abc", AccessTokens.secretIn("bearer  parley_abc "), "the scheme is case-insensitive");
        assertEquals("", AccessTokens.secretIn("Bearer "));
        assertNull(AccessTokens.secretIn("Basic YWxpY2U6c2VjcmV0"));
        assertNull(AccessTokens.secretIn("Bearer"));
        assertNull(AccessTokens.secretIn(null));
    }

    @Test
    void aSocketsSignInIdNamesTheTokenWithoutItsSecret() {
        String id = AccessTokens.signInIdOf("parley_secret-one");
        assertTrue(id.startsWith("token:") && id.length() == "token:".length() + 64, id);
        assertTrue(!id.contains("secret-one"));
        assertEquals(id, AccessTokens.signInIdOf("parley_secret-one"), "the same token, the same id");
        assertNotEquals(id, AccessTokens.signInIdOf("parley_secret-two"));
    }
}
