package dev.parley.room;

import java.util.List;

/**
 * A room while a batch of writes holds its lock ({@link RoomService#lockForPosting}): its members, read once for
 * the whole batch, its newest message id, advanced by each message stored, and the number of its latest change,
 * advanced by each reaction changed. A room that does not exist refuses every write to it; a sender who is not a
 * member is refused by the room itself.
 */
public final class PostingRoom {

    private final String id;
    private final List<String> members;
    private final boolean exists;
    private final boolean archived;
    private final long newestBefore;
    private long newest;
    private final long changeSeqBefore;
    private long changeSeq;

    private PostingRoom(String id, List<String> members, long newest, long changeSeq, boolean exists,
            boolean archived) {
        this.id = id;
        this.members = members;
        this.newestBefore = newest;
        this.newest = newest;
        this.changeSeqBefore = changeSeq;
        this.changeSeq = changeSeq;
        this.exists = exists;
        this.archived = archived;
    }

    static PostingRoom locked(String id, List<String> members, long newest, long changeSeq, boolean archived) {
        return new PostingRoom(id, List.copyOf(members), newest, changeSeq, true, archived);
    }

    static PostingRoom unknown(String id) {
        return new PostingRoom(id, List.of(), 0, 0, false, false);
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

    /** Numbers a change to one of its messages in its change log (see {@code Room#noteChange}). */
    public long noteChange() {
        return ++changeSeq;
    }

    long changeSeq() {
        return changeSeq;
    }

    /** Whether messages were stored in it or changes numbered (its newest id and change number are then recorded). */
    public boolean changed() {
        return exists && (newest != newestBefore || changeSeq != changeSeqBefore);
    }
}
