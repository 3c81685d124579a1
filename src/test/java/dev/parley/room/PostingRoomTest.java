package dev.parley.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a post to a locked room is told: the refusals in the order the protocol gives them. */
class PostingRoomTest {

    private static final String ROOM = "Yb7Qe2LrX0sKf4Hn";

    private static ErrorCode refusal(PostingRoom room, String sender) {
        return assertThrows(ParleyException.class, () -> room.membersIncluding(sender)).code();
    }

    @Test
    void anUnknownRoomRefusesEveryone() {
        assertEquals(ErrorCode.UNKNOWN_ROOM, refusal(PostingRoom.unknown(ROOM), "alice"));
        assertFalse(PostingRoom.unknown(ROOM).changed());
    }

    @Test
    void anArchivedRoomTellsItsMembersSoAndOthersThatTheyAreNotMembers() {
        PostingRoom archived = PostingRoom.locked(ROOM, List.of("alice", "bob"), 40, 7, true);
        assertEquals(ErrorCode.ROOM_ARCHIVED, refusal(archived, "alice"));
        assertEquals(ErrorCode.NOT_MEMBER, refusal(archived, "mallory"), "whether it is archived is the members' business");
        assertFalse(archived.changed());
    }

    @Test
    void anOpenRoomTakesItsMembersPostsAndCountsThem() {
        PostingRoom room = PostingRoom.locked(ROOM, List.of("alice", "bob"), 40, 7, false);
        assertEquals(List.of("alice", "bob"), room.membersIncluding("bob"));
        assertEquals(ErrorCode.NOT_MEMBER, refusal(room, "mallory"));
        assertFalse(room.changed());
        room.stored(41);
        assertEquals(41, room.newest());
        assertTrue(room.changed());
    }

    @Test
    void aReactionChangedInTheBatchTakesTheRoomsNextChangeNumber() {
        PostingRoom room = PostingRoom.locked(ROOM, List.of("alice", "bob"), 40, 7, false);
        assertEquals(8, room.noteChange());
        assertEquals(9, room.noteChange());
        assertEquals(9, room.changeSeq());
        assertEquals(40, room.newest(), "no message stored");
        assertTrue(room.changed(), "its change number is recorded");
    }
}
