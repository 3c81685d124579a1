package dev.parley.room;

import java.util.List;

/**
 * A room while a batch of posts holds its lock ({@link RoomService#lockForPosting}): its members, read once for the
 * whole batch, and its newest message id, advanced by each message stored. A room that does not exist refuses
 * every post to it; a sender who is not a member is refused by the room itself.
 */
public final class PostingRoom {

    private final String id;
    private final List<String> members;
    private final boolean exists;
    private final boolean archived;
    private final long newestBefore;
    private long newest;

    private PostingRoom(String id, List<String> members, long newest, boolean exists, boolean archived) {
        this.id = id;
        this.members = members;
        this.newestBefore = newest;
        this.newest = newest;
        this.exists = exists;
        this.archived = archived;
    }

    static PostingRoom locked(String id, List<String> members, long newest, boolean archived) {
        return new PostingRoom(id, List.copyOf(members), newest, true, archived);
    }

    static PostingRoom unknown(String id) {
        return new PostingRoom(id, List.of(), 0, false, false);
    }

    public String id() {
        return id;
    }

    /**
     * The members, once it is clear the sender is one of them and the room takes posts; else the refusal (unknown
     * room, not a member; an archived room's members are told it is archived).
     */
    public List<String> membersIncluding(String sender) {
        if (!exists) {
            throw RoomService.unknownRoom(id);
        }
        if (!members.contains(sender)) {
            throw RoomService.notMember(id);
        }
        if (archived) {
            throw Room.archivedRefusal();
        }
        return members;
    }

    /** The newest message id: the previous id of the next message stored. */
    public long newest() {
        return newest;
    }

    public void stored(long messageId) {
        newest = messageId;
    }

    /** Whether messages were stored in it (its newest id must then be recorded). */
    public boolean changed() {
        return exists && newest != newestBefore;
    }
}
