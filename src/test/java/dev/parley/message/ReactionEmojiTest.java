package dev.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.platform.ParleyException;
import org.junit.jupiter.api.Test;

/** A reaction is one emoji, however many code points it takes; never words. */
class ReactionEmojiTest {

    @Test
    void emojiOfSeveralCodePointsAreOneReaction() {
        for (String emoji : new String[] {"\uD83D\uDC4D", "\u2764\uFE0F", "\uD83D\uDC4D\uD83C\uDFFD",
                "\uD83D\uDC69\u200D\uD83D\uDCBB", "\uD83C\uDDF3\uD83C\uDDF4", "\uD83C\uDF89"}) {
            assertEquals(emoji, Reactions.emoji(emoji));
        }
    }

    @Test
    void wordsSpacesControlsAndLongRunsAreRefused() {
        for (String typed : new String[] {null, "", "lol", "\uD83D\uDC4D ok", " ", "\uD83D\uDC4D\n",
                "\u0000", "1\uFE0F\u20E3", "\uD83D\uDC4D".repeat(17)}) {
            assertEquals("invalid", assertThrows(ParleyException.class, () -> Reactions.emoji(typed)).code().code(),
                    () -> "refused: " + typed);
        }
    }
}
