package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignInViewTest {

    @Test
    void atContextRootAnyPathOfThisSiteIsOurs() {
        for (String ours : new String[] {"/", "/index.xhtml?room=abc", "/chat/index.xhtml"}) {
            assertTrue(SignInView.isOwnPath(ours, "/"), ours);
        }
    }

    @Test
    void underAContextPathOnlyItsOwnPathsAre() {
        assertTrue(SignInView.isOwnPath("/chat/index.xhtml?room=abc", "/chat/"));
        assertTrue(SignInView.isOwnPath("/chat/", "/chat/"));
        for (String elsewhere : new String[] {"/", "/chatter/x", "/other/index.xhtml", "/chat"}) {
            assertFalse(SignInView.isOwnPath(elsewhere, "/chat/"), elsewhere);
        }
    }

    @Test
    void otherHostsAndHeaderSplittingAreNever() {
        for (String bad : new String[] {null, "", "//evil.example/x", "/\\evil.example/x", "https://evil.example/",
                "/index.xhtml\r\nSet-Cookie: x=y", "/a b"}) {
            assertFalse(SignInView.isOwnPath(bad, "/"), String.valueOf(bad));
        }
    }
}
