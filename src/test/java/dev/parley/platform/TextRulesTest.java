package dev.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void messagesMayBreakLinesAndTabButHoldNoOtherControl() {
        assertTrue(TextRules.fitsMessage("line one\nline two\r\n\tindented"));
        for (String bad : new String[] {"a\u0000b", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085"}) {
            assertFalse(TextRules.fitsMessage(bad), bad);
        }
    }

    @Test
    void aLineHoldsNoControlAtAll() {
        assertTrue(TextRules.fitsLine("c-77 é 漢字 😀"));
        assertFalse(TextRules.fitsLine("two\nlines"));
        assertFalse(TextRules.fitsLine("nul\u0000"));
    }

    @Test
    void namesRefuseInvisibleAndDirectionChangingCharacters() {
        assertTrue(TextRules.fitsName("Zoë Ångström-Öberg 李"));
        for (String spoof : new String[] {"ali\u200bce", "\u202eecila", "al\u2066ice\u2069", "bob\u00ad",
                "\ufeffcarol", "dave\u200d", "eve\u2060", "fred\u061c"}) {
            assertFalse(TextRules.fitsName(spoof), "U+" + Integer.toHexString(spoof.chars()
                    .filter(c -> Character.getType(c) == Character.FORMAT).findFirst().orElse(0)));
        }
    }

    @Test
    void anExcerptIsBoundedAndNeverSplitsASurrogatePair() {
        assertEquals("short", TextRules.excerpt("short", 10));
        assertEquals("abc…", TextRules.excerpt("abcdef", 3));
        assertEquals("ab…", TextRules.excerpt("ab😀cd", 3), "the emoji's pair stays whole or goes");
        assertEquals(null, TextRules.excerpt(null, 3));
    }

    @Test
    void aContainsPatternMatchesWildcardsAndBackslashesLiterally() {
        assertEquals("%ann%", TextRules.containing("ann"));
        assertEquals("%100\\%%", TextRules.containing("100%"));
        assertEquals("%a\\_b%", TextRules.containing("a_b"));
        assertEquals("%c:\\\\x%", TextRules.containing("c:\\x"));
        assertEquals("%%", TextRules.containing(""), "everything, for an empty search");
    }
}
