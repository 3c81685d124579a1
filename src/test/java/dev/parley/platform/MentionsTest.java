package dev.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void namesAtTheStartOfAWordWithoutTheSentencesPunctuation() {
        assertEquals(Set.of("alice", "bob.smith", "room"),
                Mentions.in("@Alice, ask @bob.smith. And @room: lunch?"));
        assertEquals(Set.of(), Mentions.in("mail alice@example.org or @al"), "an address is not a mention; too short");
        assertEquals(Set.of("carol"), Mentions.in("(@carol) @@dave"));
    }

    @Test
    void aMessageCallsOnThoseItNamesAndOnEveryoneWithRoom() {
        assertTrue(Mentions.callsOn("thanks @bob!", "bob"));
        assertFalse(Mentions.callsOn("thanks @bobby", "bob"));
        assertTrue(Mentions.callsOn("@room standup now", "bob"));
    }
}
