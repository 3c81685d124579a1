package dev.parley.message;

import dev.parley.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message posted to a room. {@code clientId} is the sender's own id for it, unique per sender, which makes
 * a resent post find the first one instead of storing a second. {@code previousId} is the id of the room's
 * message before this one, so whoever relays messages can tell when one is missing in between. A reply in a thread
 * is a message of its room like any other, with {@code threadId} naming the thread's first message.
 */
@Entity
@Table(name = "messages")
@NamedQuery(name = Message.BY_SENDER_AND_CLIENT_ID,
        query = "SELECT m FROM Message m WHERE m.sender = :sender AND m.clientId = :clientId")
@NamedQuery(name = Message.NEWEST_BEFORE,
        query = "SELECT m FROM Message m WHERE m.roomId = :room AND m.id < :before ORDER BY m.id DESC")
@NamedQuery(name = Message.BY_IDS, query = "SELECT m FROM Message m WHERE m.id IN :ids ORDER BY m.id DESC")
@NamedQuery(name = Message.OLDEST_AFTER,
        query = "SELECT m FROM Message m WHERE m.roomId = :room AND m.id > :after ORDER BY m.id ASC")
@NamedQuery(name = Message.NEWEST_OF_ROOM_BEFORE, query = "SELECT m FROM Message m "
        + "WHERE m.roomId = :room AND m.threadId IS NULL AND m.id < :before ORDER BY m.id DESC")
@NamedQuery(name = Message.OLDEST_OF_ROOM_AFTER, query = "SELECT m FROM Message m "
        + "WHERE m.roomId = :room AND m.threadId IS NULL AND m.id > :after ORDER BY m.id ASC")
@NamedQuery(name = Message.CHANGED_AFTER, query = "SELECT m FROM Message m "
        + "WHERE m.roomId = :room AND m.changeSeq > :after ORDER BY m.changeSeq ASC")
@NamedQuery(name = Message.REPLIES_AFTER,
        query = "SELECT m FROM Message m WHERE m.threadId = :thread AND m.id > :after ORDER BY m.id ASC")
public class Message {

    static final String BY_SENDER_AND_CLIENT_ID = "Message.bySenderAndClientId";
    static final String NEWEST_BEFORE = "Message.newestBefore";
    static final String OLDEST_AFTER = "Message.oldestAfter";
    static final String BY_IDS = "Message.byIds";
    /** The room's own messages, replies in threads left out (threads collapsed). */
    static final String NEWEST_OF_ROOM_BEFORE = "Message.newestOfRoomBefore";
    static final String OLDEST_OF_ROOM_AFTER = "Message.oldestOfRoomAfter";
    static final String REPLIES_AFTER = "Message.repliesAfter";
    /** The room's messages changed after a number of its change log, in the order of their latest change. */
    static final String CHANGED_AFTER = "Message.changedAfter";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "room_id", nullable = false)
    private String roomId;

    @Column(nullable = false)
    private String sender;

    @Column(nullable = false)
    private String body;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "prev_id", nullable = false)
    private long previousId;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "moderated", nullable = false)
    private boolean moderated;

    /** The first message of the thread this one replies in; null for a message of the room itself. */
    @Column(name = "thread_id")
    private Long threadId;

    /** The number, in its room's change log, of the message's latest change; null while it has had none. */
    @Column(name = "change_seq")
    private Long changeSeq;

    protected Message() {
    }

    public long id() {
        return id;
    }

    public String roomId() {
        return roomId;
    }

    public long previousId() {
        return previousId;
    }

    /** The thread a reply to this message goes in: its own, or the one it is itself a reply in. */
    long threadForReplies() {
        return threadId == null ? id : threadId;
    }

    boolean isFrom(String username) {
        return sender.equals(username);
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    /** Replaces the text; the message keeps its place and its id, and says it was edited. */
    void edit(MessageBody newBody, Instant now, long change) {
        this.body = newBody.text();
        this.editedAt = now;
        this.changeSeq = change;
    }

    /** Erases the text for good: what is left is a tombstone that keeps the history's shape. */
    void delete(Instant now, long change) {
        this.body = "";
        this.deletedAt = now;
        this.changeSeq = change;
    }

    /** A moderator erases the text: a tombstone like the sender's own deletion, that says who removed it. */
    void removeByModerator(Instant now, long change) {
        delete(now, change);
        this.moderated = true;
    }

    long changeSeq() {
        return changeSeq == null ? 0 : changeSeq;
    }

    MessageView view() {
        return new MessageView(id, roomId, sender, body, Timestamps.format(sentAt), clientId,
                editedAt == null ? null : Timestamps.format(editedAt), deletedAt == null ? null : Boolean.TRUE,
                moderated ? Boolean.TRUE : null, null, threadId, null, null);
    }
}
