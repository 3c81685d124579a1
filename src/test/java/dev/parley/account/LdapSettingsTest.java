package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which typed usernames may reach the LDAP directory's search filter. */
class LdapSettingsTest {

    @Test
    void plainDirectoryNamesPass() {
        for (String name : new String[] {"kim", "Kim.Lee", "k-lee_2", "kim@example.com", "Zoë"}) {
            assertTrue(LdapSettings.isSafeName(name), name);
        }
    }

    @Test
    void filterCharactersAndControlsNeverReachTheDirectory() {
        for (String name : new String[] {"ki*", "*", "kim)(uid=*", "(kim", "kim\\2a", "kim\0", "kim\n", " ", ""}) {
            assertFalse(LdapSettings.isSafeName(name), name);
        }
        assertFalse(LdapSettings.isSafeName(null));
    }
}
