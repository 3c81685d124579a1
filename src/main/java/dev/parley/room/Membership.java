package dev.parley.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** That a user belongs to a room, and how far they have read it. */
@Entity
@Table(name = "memberships")
@IdClass(Membership.Key.class)
@NamedQuery(name = Membership.MEMBER_NAMES,
        query = "SELECT m.username FROM Membership m WHERE m.roomId = :room ORDER BY m.username")
@NamedQuery(name = Membership.MEMBERS_OF_ROOMS,
        query = "SELECT m.roomId, m.username FROM Membership m WHERE m.roomId IN :rooms")
@NamedQuery(name = Membership.COUNT_MEMBER,
        query = "SELECT COUNT(m) FROM Membership m WHERE m.roomId = :room AND m.username = :user")
@NamedQuery(name = Membership.ROOMS_OF,
        query = "SELECT r FROM Room r, Membership m WHERE m.roomId = r.id AND m.username = :user ORDER BY r.id")
@NamedQuery(name = Membership.MEMBERS_OF_ROOMS_OF,
        query = "SELECT m.roomId, m.username FROM Membership m WHERE m.roomId IN "
                + "(SELECT mine.roomId FROM Membership mine WHERE mine.username = :user)")
@NamedQuery(name = Membership.READ_MARKERS_OF,
        query = "SELECT m.roomId, m.lastReadId, m.notifications, m.hiddenUpTo FROM Membership m "
                + "WHERE m.username = :user")
@NamedQuery(name = Membership.MARK_READ,
        query = "UPDATE Membership m SET m.lastReadId = :upTo "
                + "WHERE m.roomId = :room AND m.username = :user AND m.lastReadId < :upTo")
public class Membership {

    static final String MEMBER_NAMES = "Membership.memberNames";
    static final String COUNT_MEMBER = "Membership.countMember";
    static final String MEMBERS_OF_ROOMS = "Membership.membersOfRooms";
    static final String ROOMS_OF = "Membership.roomsOf";
    static final String MEMBERS_OF_ROOMS_OF = "Membership.membersOfRoomsOf";
    static final String MARK_READ = "Membership.markRead";
    static final String READ_MARKERS_OF = "Membership.readMarkersOf";

    @Id
    @Column(name = "room_id")
    private String roomId;

    @Id
    private String username;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Column(name = "last_read_id", nullable = false)
    private long lastReadId;

    /** What calls for the member's attention here: {@code all}, {@code mentions} or {@code muted}. */
    @Column(name = "notify", nullable = false)
    private String notifications = "all";

    /** A direct room hidden from the member's sidebar until a message newer than this one arrives; null: shown. */
    @Column(name = "hidden_up_to")
    private Long hiddenUpTo;

    protected Membership() {
    }

    Membership(String roomId, String username, Instant joinedAt) {
        this.roomId = roomId;
        this.username = username;
        this.joinedAt = joinedAt;
    }

    void setNotifications(String level) {
        this.notifications = level;
    }

    void setHiddenUpTo(Long newestMessageId) {
        this.hiddenUpTo = newestMessageId;
    }

    static Key key(String roomId, String username) {
        Key key = new Key();
        key.roomId = roomId;
        key.username = username;
        return key;
    }

    public static class Key implements Serializable {
        String roomId;
        String username;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && roomId.equals(key.roomId) && username.equals(key.username);
        }

        @Override
        public int hashCode() {
            return roomId.hashCode() * 31 + username.hashCode();
        }
    }
}
