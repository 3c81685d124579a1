package dev.parley.room;

import dev.parley.account.AccountService;
import dev.parley.platform.Database;
import dev.parley.platform.DatabaseSettings;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Mentions;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Finds and creates rooms, and answers who belongs to them. */
@ApplicationScoped
public class RoomService {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AccountService accounts;

    @Inject
    Event<RoomChanged> roomChanged;

    @Inject
    Event<ReadMarked> readMarked;

    @Inject
    Event<NotifyChanged> notifyChanged;

    @Inject
    Event<HiddenChanged> hiddenChanged;

    static final int MAX_NAME = 80;
    static final int MAX_TOPIC = 250;

    private final Clock clock = Clock.systemUTC();
    private final boolean sqlite = DatabaseSettings.fromConfig().isSqlite();

    /**
     * The one private room of two users, created on first use. Starting with an insert that yields to an
     * existing row makes two simultaneous first calls agree on one room, on SQLite and PostgreSQL alike.
     */
    @Transactional
    public RoomView direct(String caller, String other) {
        if (accounts.find(other).isEmpty()) {
            throw new ParleyException(ErrorCode.UNKNOWN_USER, "There is no user " + TextRules.excerpt(other, 40));
        }
        String key = Room.directKey(caller, other);
        String id = RoomIds.next();
        Instant now = clock.instant();
        int created = em.createNativeQuery("INSERT INTO rooms (id, kind, direct_key, created_by, created_at, "
                        + "last_message_id) VALUES (?1, 'direct', ?2, ?3, ?4, 0) ON CONFLICT (direct_key) DO NOTHING")
                .setParameter(1, id).setParameter(2, key).setParameter(3, caller).setParameter(4, now.toEpochMilli())
                .executeUpdate();
        List<String> pair = List.copyOf(new TreeSet<>(List.of(caller, other)));
        if (created == 1) {
            pair.forEach(member -> em.persist(new Membership(id, member, now)));
            em.flush();
        }
        Room room = em.createNamedQuery(Room.BY_DIRECT_KEY, Room.class).setParameter("key", key).getSingleResult();
        if (created == 1) {
            roomChanged.fire(new RoomChanged(RoomView.announced(room, pair), List.of()));
        }
        return RoomView.of(room, memberNames(room.id()));
    }

    /**
     * A named room of the caller and the people they chose: private (only members add people) unless made public
     * (anyone finds it in the channel list and joins); with a topic if one is given.
     */
    @Transactional
    public RoomView createGroup(String caller, NewGroup group) {
        String name = roomName(group.name());
        String topic = topic(group.topic());
        Visibility visibility = Objects.requireNonNullElse(Visibility.fromWire(group.visibility()), Visibility.PRIVATE);
        TreeSet<String> members = new TreeSet<>(List.of(caller));
        for (String typed : group.members()) {
            members.add(existingUser(typed));
        }
        Instant now = clock.instant();
        Room room = Room.group(RoomIds.next(), name, visibility, topic, caller, now);
        em.persist(room);
        // Rooms and memberships are not mapped as a relationship, so EclipseLink cannot order the inserts itself.
        em.flush();
        members.forEach(member -> em.persist(new Membership(room.id(), member, now)));
        em.flush();
        List<String> all = List.copyOf(members);
        roomChanged.fire(new RoomChanged(RoomView.announced(room, all), List.of()));
        return RoomView.of(room, all);
    }

    /** What creating a group room takes: {@code visibility} and {@code topic} may be null. */
    public record NewGroup(String name, List<String> members, String visibility, String topic) {
    }

    /** A room's new settings; null leaves one as it is (an empty topic clears it). */
    public record Settings(String name, String topic, String visibility, Boolean archived) {
    }

    private static String roomName(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || !TextRules.fitsName(name)) {
            throw new ParleyException(ErrorCode.INVALID, "A room name is 1 to " + MAX_NAME
                    + " visible characters: no control, invisible or direction-changing ones");
        }
        return name;
    }

    /** A topic as stored: trimmed, null when empty. */
    private static String topic(String typed) {
        String topic = typed == null ? "" : typed.strip();
        if (topic.length() > MAX_TOPIC || !TextRules.fitsLine(topic)) {
            throw new ParleyException(ErrorCode.INVALID, "A topic is at most " + MAX_TOPIC
                    + " characters on one line, without control characters");
        }
        return topic.isEmpty() ? null : topic;
    }

    /**
     * Anyone joins a public group room that is not archived. A private room they are not in answers as if it did
     * not exist, so nobody learns of it by guessing ids. Joining again changes nothing.
     */
    @Transactional
    public RoomView join(String caller, String roomId) {
        Room room = lockedRoom(roomId);
        boolean member = isMember(caller, roomId);
        if (!member && (room.kind() != RoomKind.GROUP || room.visibility() != Visibility.PUBLIC)) {
            throw unknownRoom(roomId);
        }
        room.requireNotArchived();
        if (!member) {
            room.noteChange();
            em.persist(new Membership(roomId, caller, clock.instant()));
            em.flush();
            roomChanged.fire(new RoomChanged(RoomView.announced(room, memberNames(roomId)), List.of()));
        }
        return RoomView.of(room, memberNames(roomId));
    }

    /**
     * A member changes a group room's topic; its creator also renames it, makes it public or private, and archives
     * or restores it. Every member is told, as when its members change.
     */
    @Transactional
    public RoomView change(String caller, String roomId, Settings settings) {
        Room room = lockedRoom(roomId);
        List<String> members = membersAsSeenBy(caller, roomId);
        room.requireGroup();
        Boolean archive = settings.archived();
        boolean archiving = archive != null && archive != room.archived();
        if (archiving) {
            room.requireCreator(caller, archive ? "archive it" : "restore it");
        }
        if (archiving && !archive) {
            room.archive(false, clock.instant());
        }
        if (settings.name() != null || settings.topic() != null || settings.visibility() != null) {
            room.requireNotArchived();
            String name = settings.name() == null ? room.name() : roomName(settings.name());
            if (!name.equals(room.name())) {
                room.requireCreator(caller, "rename it");
                room.rename(name);
            }
            Visibility visibility = Visibility.fromWire(settings.visibility());
            if (visibility != null && visibility != room.visibility()) {
                room.requireCreator(caller, "make it " + visibility.wireName());
                room.setVisibility(visibility);
            }
            if (settings.topic() != null) {
                room.setTopic(topic(settings.topic()));
            }
        }
        if (archiving && archive) {
            room.archive(true, clock.instant());
        }
        room.noteChange();
        em.flush();
        roomChanged.fire(new RoomChanged(RoomView.announced(room, members), List.of()));
        return RoomView.of(room, members);
    }

    static final Set<String> NOTIFY_LEVELS = Set.of("all", "mentions", "muted");

    /**
     * What in the room calls for the member's attention: {@code all} messages, only {@code mentions} of them and
     * of {@code @room}, or nothing ({@code muted}). Their other connections are told.
     */
    @Transactional
    public String setNotify(String caller, String roomId, String level) {
        if (level == null || !NOTIFY_LEVELS.contains(level)) {
            throw new ParleyException(ErrorCode.INVALID, "level is \"all\", \"mentions\" or \"muted\"");
        }
        ownMembership(caller, roomId).setNotifications(level);
        em.flush();
        notifyChanged.fire(new NotifyChanged(roomId, caller, level));
        return level;
    }

    /**
     * Hides a direct room from the member's sidebar until a message newer than its newest one now arrives, or shows
     * it again. Group rooms are left instead. Their other connections are told. Returns the id it is hidden up
     * to, or null when shown.
     */
    @Transactional
    public Long setHidden(String caller, String roomId, boolean hidden) {
        Membership membership = ownMembership(caller, roomId);
        Room room = em.find(Room.class, roomId);
        if (room.kind() != RoomKind.DIRECT) {
            throw new ParleyException(ErrorCode.INVALID, "Only direct conversations are hidden; leave a group room instead");
        }
        Long upTo = hidden ? room.lastMessageId() : null;
        membership.setHiddenUpTo(upTo);
        em.flush();
        hiddenChanged.fire(new HiddenChanged(roomId, caller, upTo));
        return upTo;
    }

    /** The caller's membership of the room; unknown_room or not_member when there is none. */
    private Membership ownMembership(String caller, String roomId) {
        Membership membership = RoomIds.fits(roomId) ? em.find(Membership.class, Membership.key(roomId, caller)) : null;
        if (membership == null) {
            refuseOutsider(roomId);
        }
        return membership;
    }

    /** Throws room_archived when the room is archived; callers hold its lock. */
    public void requireNotArchived(String roomId) {
        Room room = em.find(Room.class, roomId);
        if (room != null) {
            room.requireNotArchived();
        }
    }

    /** Any member adds someone to a group room; adding a member again changes nothing. */
    @Transactional
    public RoomView addMember(String caller, String roomId, String typedUsername) {
        Room room = lockedRoom(roomId);
        requireMember(caller, roomId);
        room.requireGroup();
        room.requireNotArchived();
        String username = existingUser(typedUsername);
        if (!isMember(username, roomId)) {
            room.noteChange();
            em.persist(new Membership(roomId, username, clock.instant()));
            em.flush();
            List<String> members = memberNames(roomId);
            roomChanged.fire(new RoomChanged(RoomView.announced(room, members), List.of()));
        }
        return RoomView.of(room, memberNames(roomId));
    }

    /** The creator removes a member, or a member leaves. They stop receiving the room at once. */
    @Transactional
    public void removeMember(String caller, String roomId, String typedUsername) {
        Room room = lockedRoom(roomId);
        requireMember(caller, roomId);
        room.requireGroup();
        String username = usernameOf(typedUsername);
        if (!room.mayRemove(caller, username)) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, "Only the room's creator can remove others");
        }
        remove(room, username);
    }

    /** A moderator removes a member from a group room they need not belong to; members see it as any removal. */
    @Transactional
    public void removeMemberAsModerator(String roomId, String typedUsername) {
        Room room = lockedRoom(roomId);
        room.requireGroup();
        remove(room, usernameOf(typedUsername));
    }

    /** A username as typed, the way users are keyed: trimmed, lower case. */
    private static String usernameOf(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private void remove(Room room, String username) {
        Membership membership = em.find(Membership.class, Membership.key(room.id(), username));
        if (membership == null) {
            throw new ParleyException(ErrorCode.UNKNOWN_USER, TextRules.excerpt(username, 40) + " is not in this room");
        }
        em.remove(membership);
        room.noteChange();
        em.flush();
        List<String> members = memberNames(room.id());
        roomChanged.fire(new RoomChanged(RoomView.announced(room, members), List.of(username)));
    }

    private String existingUser(String typed) {
        String username = usernameOf(typed);
        if (accounts.find(username).isEmpty()) {
            throw new ParleyException(ErrorCode.UNKNOWN_USER, "There is no user " + TextRules.excerpt(typed, 40));
        }
        return username;
    }

    /** The room, after taking its lock (see {@link #lockForChange}); unknown_room when there is none. */
    private Room lockedRoom(String roomId) {
        lockForChange(roomId);
        return em.find(Room.class, roomId);
    }

    /**
     * Takes the room's lock as a transaction's first statement: PostgreSQL's row lock, SQLite's write lock, both
     * before anything is read. Throws unknown_room when there is no such room.
     */
    public void lockForChange(String roomId) {
        if (em.createNamedQuery(Room.LOCK).setParameter("room", roomId).executeUpdate() == 0) {
            throw unknownRoom(roomId);
        }
    }

    /**
     * Numbers a change to one of the room's messages in the room's change log (see {@link Room#noteChange});
     * callers hold the room's lock ({@link #lockForChange}).
     */
    public long noteMessageChange(String roomId) {
        Room room = em.find(Room.class, roomId);
        long change = room.noteChange();
        em.flush();
        return change;
    }

    /** The room as its members are told of it, with the number of its latest change; empty when there is none. */
    public Optional<RoomView> announced(String roomId) {
        return Optional.ofNullable(em.find(Room.class, roomId)).map(room -> RoomView.announced(room, memberNames(roomId)));
    }

    /** Throws unless the room exists and the user is one of its members. */
    public void requireMember(String username, String roomId) {
        if (!isMember(username, roomId)) {
            refuseOutsider(roomId);
        }
    }

    /**
     * The room's members, asked for by one of them: one query both checks the asker and gives the list that an
     * event about the room is delivered to. Refuses like {@link #requireMember} anyone else.
     */
    public List<String> membersAsSeenBy(String username, String roomId) {
        List<String> members = memberNames(roomId);
        if (!members.contains(username)) {
            refuseOutsider(roomId);
        }
        return members;
    }

    private void refuseOutsider(String roomId) {
        if (em.find(Room.class, roomId) == null) {
            throw unknownRoom(roomId);
        }
        throw notMember(roomId);
    }

    static ParleyException unknownRoom(String roomId) {
        return RoomIds.fits(roomId) ? new ParleyException(ErrorCode.UNKNOWN_ROOM, "There is no such room")
                : RoomIds.tooLong();
    }

    static ParleyException notMember(String roomId) {
        return RoomIds.fits(roomId) ? new ParleyException(ErrorCode.NOT_MEMBER, "You are not a member of this room")
                : RoomIds.tooLong();
    }


    public boolean isMember(String username, String roomId) {
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
        Map<String, List<String>> members = membersByRoom(em.createNamedQuery(Membership.MEMBERS_OF_ROOMS_OF,
                Object[].class).setParameter("user", username).getResultList());
        Map<String, Long> unread = unreadCounts(username);
        Map<String, Long> mentions = unreadMentions(username);
        Map<String, Long> readUpTo = new HashMap<>();
        Map<String, String> notify = new HashMap<>();
        Map<String, Long> hiddenUpTo = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Membership.READ_MARKERS_OF, Object[].class)
                .setParameter("user", username).getResultList()) {
            readUpTo.put((String) row[0], ((Number) row[1]).longValue());
            notify.put((String) row[0], (String) row[2]);
            if (row[3] != null) {
                hiddenUpTo.put((String) row[0], ((Number) row[3]).longValue());
            }
        }
        return rooms.stream()
                .map(room -> RoomView.listed(room, sorted(members.get(room.id())), unread.getOrDefault(room.id(), 0L),
                        mentions.getOrDefault(room.id(), 0L), readUpTo.getOrDefault(room.id(), 0L),
                        notify.getOrDefault(room.id(), "all"), hiddenUpTo.get(room.id())))
                .toList();
    }

    /**
     * Others' messages after the user's read marker, per room. A reply in a thread counts only if the user started
     * the thread or replied in it, or it may name them (the page counts the same way).
     */
    private Map<String, Long> unreadCounts(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT m.room_id, COUNT(*) FROM memberships ms "
                        + "JOIN messages m ON m.room_id = ms.room_id AND m.id > ms.last_read_id "
                        + "WHERE ms.username = ?1 AND m.sender <> ?1 AND (m.thread_id IS NULL "
                        // Two lookups rather than one with OR, which SQLite answered by scanning every message
                        // for every reply (GET /api/rooms took over 15 s in a room of 150,000 messages).
                        + "OR EXISTS (SELECT 1 FROM messages t WHERE t.id = m.thread_id AND t.sender = ?1) "
                        + "OR EXISTS (SELECT 1 FROM messages t WHERE t.thread_id = m.thread_id AND t.sender = ?1) "
                        + "OR LOWER(m.body) LIKE ?2 ESCAPE '\\' OR LOWER(m.body) LIKE '%@room%') GROUP BY m.room_id")
                .setParameter(1, username).setParameter(2, TextRules.containing("@" + username)).getResultList();
        Map<String, Long> unread = new TreeMap<>();
        for (Object[] row : rows) {
            unread.put((String) row[0], ((Number) row[1]).longValue());
        }
        return unread;
    }

    /**
     * Of the unread messages, those that call on the user by name or {@code @room}, per room. The database narrows
     * them down to bodies holding either; {@link Mentions} decides, by the rule the chat page highlights with.
     */
    private Map<String, Long> unreadMentions(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT m.room_id, m.body FROM memberships ms "
                        + "JOIN messages m ON m.room_id = ms.room_id AND m.id > ms.last_read_id "
                        + "WHERE ms.username = ?1 AND m.sender <> ?1 AND m.deleted_at IS NULL "
                        + "AND (LOWER(m.body) LIKE ?2 ESCAPE '\\' OR LOWER(m.body) LIKE '%@room%')")
                .setParameter(1, username).setParameter(2, TextRules.containing("@" + username)).getResultList();
        Map<String, Long> mentions = new TreeMap<>();
        for (Object[] row : rows) {
            if (Mentions.callsOn((String) row[1], username)) {
                mentions.merge((String) row[0], 1L, Long::sum);
            }
        }
        return mentions;
    }

    /** Rows of (room id, username) grouped by room. */
    private static Map<String, List<String>> membersByRoom(List<Object[]> rows) {
        Map<String, List<String>> members = new HashMap<>();
        for (Object[] row : rows) {
            members.computeIfAbsent((String) row[0], room -> new ArrayList<>()).add((String) row[1]);
        }
        return members;
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
     * Locks rooms for new messages (see {@link #lockForChange}) with one statement for all of them, in id order,
     * which also reads their newest ids; then their members, one query for all of them. Every id asked for is in
     * the answer: a room that does not exist refuses the posts to it ({@link PostingRoom}).
     */
    public Map<String, PostingRoom> lockForPosting(SortedSet<String> roomIds) {
        Map<String, PostingStatements.LockedRow> rows = roomIds.isEmpty() ? Map.of()
                : PostingStatements.lock(dataSource, sqlite, roomIds);
        Map<String, List<String>> members = rows.isEmpty() ? Map.of() : membersByRoom(em.createNamedQuery(
                Membership.MEMBERS_OF_ROOMS, Object[].class).setParameter("rooms", List.copyOf(rows.keySet()))
                .getResultList());
        Map<String, PostingRoom> locked = new HashMap<>();
        for (String roomId : roomIds) {
            PostingStatements.LockedRow row = rows.get(roomId);
            List<String> roomMembers = members.getOrDefault(roomId, List.of());
            locked.put(roomId, row == null ? PostingRoom.unknown(roomId)
                    : PostingRoom.locked(roomId, roomMembers, row.newest(), row.changeSeq(), row.archived()));
        }
        return locked;
    }

    /** Moves the user's read marker forward to {@code upTo}; never back, so late or repeated frames are harmless. */
    @Transactional
    public void markRead(String username, String roomId, long upTo) {
        int rows = em.createNamedQuery(Membership.MARK_READ).setParameter("room", roomId)
                .setParameter("user", username).setParameter("upTo", upTo).executeUpdate();
        if (rows == 0) {
            requireMember(username, roomId);
        } else {
            readMarked.fire(new ReadMarked(roomId, username, upTo));
        }
    }

    /**
     * Records the newest message id and change number of each room a batch wrote to, in the transaction that
     * locked them ({@link #lockForPosting}).
     */
    public void recordBatch(Collection<PostingRoom> written) {
        PostingStatements.recordBatch(dataSource, written.stream().filter(PostingRoom::changed).toList());
    }
}
