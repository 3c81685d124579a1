package dev.parley.room;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A place messages are posted to, readable only by its members. A direct room is found from its two members
 * through {@code directKey} (the sorted pair), which is unique, so a pair never gets a second room.
 * {@code lastMessageId} is the newest message's id; a post updates it first, which also serialises posts to
 * one room so that ids rise in the order messages are committed.
 */
@Entity
@Table(name = "rooms")
@NamedQuery(name = Room.BY_DIRECT_KEY, query = "SELECT r FROM Room r WHERE r.directKey = :key")
@NamedQuery(name = Room.LOCK,
        query = "UPDATE Room r SET r.lastMessageId = r.lastMessageId WHERE r.id = :room")
public class Room {

    static final String BY_DIRECT_KEY = "Room.byDirectKey";
    static final String LOCK = "Room.lock";

    @Id
    private String id;

    @Column(nullable = false)
    private RoomKind kind;

    private String name;

    @Column(name = "direct_key")
    private String directKey;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_message_id", nullable = false)
    private long lastMessageId;

    @Column(nullable = false)
    private Visibility visibility = Visibility.PRIVATE;

    private String topic;

    /** When it was archived: from then on it is read-only. */
    @Column(name = "archived_at")
    private Instant archivedAt;

    /** How many changes its change log holds: the number of the latest (see {@link #noteChange}). */
    @Column(name = "change_seq", nullable = false)
    private long changeSeq;

    protected Room() {
    }

    static Room group(String id, String name, Visibility visibility, String topic, String createdBy,
            Instant createdAt) {
        Room room = new Room();
        room.id = id;
        room.kind = RoomKind.GROUP;
        room.name = name;
        room.visibility = visibility;
        room.topic = topic;
        room.createdBy = createdBy;
        room.createdAt = createdAt;
        return room;
    }

    /** Nothing is posted, edited or added to an archived room; people may still read it and leave. */
    void requireNotArchived() {
        if (archivedAt != null) {
            throw archivedRefusal();
        }
    }

    static ParleyException archivedRefusal() {
        return new ParleyException(ErrorCode.ROOM_ARCHIVED, "This room is archived: it can be read, not written to");
    }

    /** Renaming, making public or private and archiving are for the room's creator; a topic is any member's. */
    void requireCreator(String caller, String what) {
        if (!caller.equals(createdBy)) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, "Only the room's creator can " + what);
        }
    }

    /**
     * Numbers a change to the room or one of its messages in the room's change log; callers hold the room's lock,
     * so numbers follow commit order.
     */
    long noteChange() {
        return ++changeSeq;
    }

    public long changeSeq() {
        return changeSeq;
    }

    void rename(String name) {
        this.name = name;
    }

    void setTopic(String topic) {
        this.topic = topic;
    }

    void setVisibility(Visibility visibility) {
        this.visibility = visibility;
    }

    void archive(boolean archived, Instant now) {
        archivedAt = archived ? (archivedAt == null ? now : archivedAt) : null;
    }

    /** Any member may add people to a group; a direct room is its two people and no one else. */
    void requireGroup() {
        if (kind != RoomKind.GROUP) {
            throw new ParleyException(ErrorCode.INVALID, "A direct room has exactly its two people");
        }
    }

    /** Only the creator removes others; anyone may remove themselves, which is leaving. */
    boolean mayRemove(String remover, String member) {
        return remover.equals(member) || remover.equals(createdBy);
    }

    public String createdBy() {
        return createdBy;
    }

    public String id() {
        return id;
    }

    public RoomKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public long lastMessageId() {
        return lastMessageId;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String topic() {
        return topic;
    }

    public boolean archived() {
        return archivedAt != null;
    }

    /** The key of the direct room of two users, whichever of them asks. */
    static String directKey(String oneUser, String otherUser) {
        return oneUser.compareTo(otherUser) <= 0 ? oneUser + "|" + otherUser : otherUser + "|" + oneUser;
    }

    /** The two users a {@link #directKey} names, in its order. */
    static List<String> peopleOf(String directKey) {
        return List.of(directKey.split("\\|", 2));
    }
}
