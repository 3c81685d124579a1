package dev.parley.room;

import dev.parley.account.AccountService;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Finds and creates rooms, and answers who belongs to them. */
@ApplicationScoped
public class RoomService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    private final Clock clock = Clock.systemUTC();

    /**
     * The one private room of two users, created on first use. Starting with an insert that yields to an
     * existing row makes two simultaneous first calls agree on one room, on SQLite and PostgreSQL alike.
     */
    @Transactional
    public RoomView direct(String caller, String other) {
        if (accounts.find(other).isEmpty()) {
            throw new ParleyException(ErrorCode.UNKNOWN_USER, "There is no user " + other);
        }
        String key = Room.directKey(caller, other);
        String id = RoomIds.next();
        Instant now = clock.instant();
        int created = em.createNativeQuery("INSERT INTO rooms (id, kind, direct_key, created_by, created_at, "
                        + "last_message_id) VALUES (?1, 'direct', ?2, ?3, ?4, 0) ON CONFLICT (direct_key) DO NOTHING")
                .setParameter(1, id).setParameter(2, key).setParameter(3, caller).setParameter(4, now.toEpochMilli())
                .executeUpdate();
        if (created == 1) {
            for (String member : new TreeSet<>(List.of(caller, other))) {
                em.persist(new Membership(id, member, now));
            }
            em.flush();
        }
        Room room = em.createNamedQuery(Room.BY_DIRECT_KEY, Room.class).setParameter("key", key).getSingleResult();
        return RoomView.of(room, memberNames(room.id()));
    }

    /** Throws unless the room exists and the user is one of its members. */
    public void requireMember(String roomId, String username) {
        if (!isMember(roomId, username)) {
            if (em.find(Room.class, roomId) == null) {
                throw new ParleyException(ErrorCode.UNKNOWN_ROOM, "There is no room " + roomId);
            }
            throw new ParleyException(ErrorCode.NOT_MEMBER, "You are not a member of room " + roomId);
        }
    }

    public boolean isMember(String roomId, String username) {
        return em.createNamedQuery(Membership.COUNT_MEMBER, Long.class)
                .setParameter("room", roomId).setParameter("user", username).getSingleResult() > 0;
    }

    public List<String> memberNames(String roomId) {
        return em.createNamedQuery(Membership.MEMBER_NAMES, String.class).setParameter("room", roomId)
                .getResultList();
    }

    /** The caller's rooms with their newest message id and how many messages from others they have not read. */
    public List<RoomView> roomsOf(String username) {
        List<Room> rooms = em.createNamedQuery(Membership.ROOMS_OF, Room.class).setParameter("user", username)
                .getResultList();
        Map<String, List<String>> members = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Membership.MEMBERS_OF_ROOMS_OF, Object[].class)
                .setParameter("user", username).getResultList()) {
            members.computeIfAbsent((String) row[0], room -> new ArrayList<>()).add((String) row[1]);
        }
        Map<String, Long> unread = unreadCounts(username);
        return rooms.stream()
                .map(room -> RoomView.listed(room, sorted(members.get(room.id())), unread.getOrDefault(room.id(), 0L)))
                .toList();
    }

    private Map<String, Long> unreadCounts(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT m.room_id, COUNT(*) FROM memberships ms "
                        + "JOIN messages m ON m.room_id = ms.room_id AND m.id > ms.last_read_id "
                        + "WHERE ms.username = ?1 AND m.sender <> ?1 GROUP BY m.room_id")
                .setParameter(1, username).getResultList();
        Map<String, Long> unread = new TreeMap<>();
        for (Object[] row : rows) {
            unread.put((String) row[0], ((Number) row[1]).longValue());
        }
        return unread;
    }

    private static List<String> sorted(List<String> names) {
        return names == null ? List.of() : names.stream().sorted().toList();
    }

    /** The newest message id of each of the user's rooms: where a new connection's live stream starts. */
    public Map<String, Long> lastMessageIds(String username) {
        Map<String, Long> last = new HashMap<>();
        for (Room room : em.createNamedQuery(Membership.ROOMS_OF, Room.class).setParameter("user", username)
                .getResultList()) {
            last.put(room.id(), room.lastMessageId());
        }
        return last;
    }

    /**
     * Locks the room for a new message and returns the id of its newest one, or -1 when there is no such room.
     * Must be the first statement of the posting transaction: the update takes PostgreSQL's row lock and
     * SQLite's write lock before anything is read, so concurrent posts to a room queue up here.
     */
    public long lockForNewMessage(String roomId) {
        int rows = em.createNamedQuery(Room.LOCK_FOR_POST).setParameter("room", roomId).executeUpdate();
        if (rows == 0) {
            return -1;
        }
        return em.createNamedQuery(Room.LAST_MESSAGE_ID, Long.class).setParameter("room", roomId).getSingleResult();
    }

    /** Moves the user's read marker forward to {@code upTo}; never back, so late or repeated frames are harmless. */
    @Transactional
    public void markRead(String roomId, String username, long upTo) {
        int rows = em.createNamedQuery(Membership.MARK_READ).setParameter("room", roomId)
                .setParameter("user", username).setParameter("upTo", upTo).executeUpdate();
        if (rows == 0) {
            requireMember(roomId, username);
        }
    }

    public void recordNewMessage(String roomId, long messageId) {
        em.createNamedQuery(Room.RECORD_MESSAGE).setParameter("room", roomId).setParameter("id", messageId)
                .executeUpdate();
    }
}
