package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomMembersTest {

    private final Map<String, List<String>> database = new HashMap<>(Map.of("r", List.of("ann", "bob")));
    private final RoomMembers members = new RoomMembers(database::get, 2);

    @Test
    void membersAreReadOnceWhileTheFingerprintMatches() {
        long both = MemberSetHash.of(List.of("ann", "bob"));
        assertEquals(List.of("ann", "bob"), members.of("r", both));
        assertEquals(List.of("ann", "bob"), members.of("r", both));
        assertEquals(1, members.reads());
    }

    @Test
    void aDifferentFingerprintReadsTheMembersAgain() {
        members.of("r", MemberSetHash.of(List.of("ann", "bob")));
        database.put("r", List.of("ann"));
        assertEquals(List.of("ann"), members.of("r", MemberSetHash.of(List.of("ann"))), "Bob was removed");
        assertEquals(2, members.reads());
    }

    @Test
    void onlyTheRoomsUsedLastAreRemembered() {
        database.put("s", List.of("cy"));
        database.put("t", List.of("dee"));
        members.of("r", MemberSetHash.of(List.of("ann", "bob")));
        members.of("s", MemberSetHash.of(List.of("cy")));
        members.of("t", MemberSetHash.of(List.of("dee")));
        members.of("r", MemberSetHash.of(List.of("ann", "bob")));
        assertEquals(4, members.reads(), "r was forgotten for t");
    }
}
