package dev.parley.message;

import dev.parley.platform.ParleyException;
import dev.parley.room.RoomForPosting;
import dev.parley.room.RoomService;
import java.util.List;

/**
 * A room while a batch of posts holds its lock: its members, read once for the whole batch, and its newest
 * message id, advanced by each message stored. Or, for a room that does not exist, the refusal every post to
 * it gets.
 */
final class LockedRoom {

    final String id;
    private final List<String> members;
    private final ParleyException refusal;
    private final long newestBefore;
    private long newest;

    private LockedRoom(String id, List<String> members, long newest, ParleyException refusal) {
        this.id = id;
        this.members = members;
        this.newestBefore = newest;
        this.newest = newest;
        this.refusal = refusal;
    }

    static LockedRoom locked(String id, RoomForPosting room) {
        return new LockedRoom(id, room.members(), room.newestId(), null);
    }

    static LockedRoom refused(String id, ParleyException refusal) {
        return new LockedRoom(id, List.of(), 0, refusal);
    }

    /** The members, once it is clear the sender is one of them. */
    List<String> membersIncluding(String sender) {
        if (refusal != null) {
            throw refusal;
        }
        if (!members.contains(sender)) {
            throw RoomService.notMember(id);
        }
        return members;
    }

    long newest() {
        return newest;
    }

    void stored(long messageId) {
        newest = messageId;
    }

    boolean changed() {
        return refusal == null && newest != newestBefore;
    }
}
