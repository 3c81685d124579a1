package dev.parley.room;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import dev.parley.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Every room, for the admin console: most recently active first, with member counts and last activity. */
@ApplicationScoped
public class RoomDirectory {

    public static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    /**
     * Up to {@code limit} rooms after the first {@code offset}, most recently active first; with {@code words},
     * only group rooms whose name holds them and direct rooms one of whose people's username does.
     */
    public List<RoomSummary> list(String words, int offset, int limit) {
        String pattern = TextRules.adminSearch(words);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, r.kind, r.name, r.created_by, r.created_at,"
                        + " (SELECT COUNT(*) FROM memberships ms WHERE ms.room_id = r.id),"
                        + " (SELECT m.sent_at FROM messages m WHERE m.id = r.last_message_id),"
                        + " CASE WHEN r.kind = 'direct' THEN r.direct_key END"
                        + " FROM rooms r"
                        + " WHERE LOWER(COALESCE(r.name, r.direct_key)) LIKE ?1 ESCAPE '\\'"
                        + " ORDER BY r.last_message_id DESC, r.created_at DESC, r.id")
                .setParameter(1, pattern)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
        return rows.stream().map(RoomDirectory::summary).toList();
    }

    private static RoomSummary summary(Object[] row) {
        String directKey = (String) row[7];
        return new RoomSummary((String) row[0], (String) row[1], (String) row[2], ((Number) row[5]).longValue(),
                directKey == null ? List.of() : Room.peopleOf(directKey), (String) row[3],
                Timestamps.format(Instant.ofEpochMilli(((Number) row[4]).longValue())),
                row[6] == null ? null : Timestamps.format(Instant.ofEpochMilli(((Number) row[6]).longValue())));
    }

    /** Throws unknown_room unless the room exists, and invalid unless it is a group room. */
    public void requireGroup(String roomId) {
        Room room = RoomIds.fits(roomId) ? em.find(Room.class, roomId) : null;
        if (room == null) {
            throw RoomService.unknownRoom(roomId);
        }
        if (room.kind() != RoomKind.GROUP) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED,
                    "A direct conversation is private to its two people; remove a message from it by its id");
        }
    }
}
