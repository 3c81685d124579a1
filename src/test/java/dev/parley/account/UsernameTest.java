package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import org.junit.jupiter.api.Test;

class UsernameTest {

    @Test
    void forgivesCaseAndSurroundingSpaces() {
        assertEquals("alice.b-2_x", Username.of("  Alice.B-2_X ").value());
    }

    @Test
    void refusesWhatTheProtocolDoesNotAllow() {
        for (String bad : new String[] {null, "", "ab", "a".repeat(33), "alice smith", "alice@corp", "ålice"}) {
            ParleyException refused = assertThrows(ParleyException.class, () -> Username.of(bad), String.valueOf(bad));
            assertEquals(ErrorCode.INVALID, refused.code());
        }
        assertEquals(32, Username.of("a".repeat(32)).value().length());
    }
}
