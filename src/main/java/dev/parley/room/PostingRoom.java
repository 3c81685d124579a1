package dev.parley.room;

import dev.parley.platform.ParleyException;
import java.util.List;

/**
 * A room while a batch of posts holds its lock ({@link RoomService#lockForPosting}): its members, read once for the
 * whole batch, and its newest message id, advanced by each message stored. A room that does not exist refuses
 * every post to it; a sender who is not a member is refused by the room itself.
 */
public final class PostingRoom {

    private final String id;
    private final List<String> members;
    private final ParleyException refusal;
    private final long newestBefore;
    private long newest;

    private PostingRoom(String id, List<String> members, long newest, ParleyException refusal) {
        this.id = id;
        this.members = members;
        this.newestBefore = newest;
        this.newest = newest;
        this.refusal = refusal;
    }

    static PostingRoom locked(String id, List<String> members, long newest) {
        return new PostingRoom(id, List.copyOf(members), newest, null);
    }

    static PostingRoom unknown(String id) {
        return new PostingRoom(id, List.of(), 0, RoomService.unknownRoom(id));
    }

    public String id() {
        return id;
    }

    /** The members, once it is clear the sender is one of them; else the refusal (unknown room, not a member). */
    public List<String> membersIncluding(String sender) {
        if (refusal != null) {
            throw refusal;
        }
        if (!members.contains(sender)) {
            throw RoomService.notMember(id);
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
        return refusal == null && newest != newestBefore;
    }
}
