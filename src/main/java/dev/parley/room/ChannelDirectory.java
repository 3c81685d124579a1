package dev.parley.room;

import dev.parley.platform.TextRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The public group rooms anyone may find and join: the channel list, searchable by name and topic. */
@ApplicationScoped
public class ChannelDirectory {

    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    /**
     * Up to {@code limit} public rooms after the first {@code offset}, by name; with {@code words}, those whose name
     * or topic holds them. Archived ones only when asked for: they are read-only, kept for looking things up.
     */
    public List<ChannelView> list(String caller, String words, boolean archived, int offset, int limit) {
        String pattern = TextRules.adminSearch(words);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, r.name, r.topic,"
                        + " (SELECT COUNT(*) FROM memberships ms WHERE ms.room_id = r.id),"
                        + " CASE WHEN EXISTS (SELECT 1 FROM memberships mine"
                        + "     WHERE mine.room_id = r.id AND mine.username = ?1) THEN 1 ELSE 0 END,"
                        + " CASE WHEN r.archived_at IS NULL THEN 0 ELSE 1 END"
                        + " FROM rooms r"
                        + " WHERE r.visibility = 'public' AND r.kind = 'group'"
                        + (archived ? "" : " AND r.archived_at IS NULL")
                        + " AND LOWER(r.name || ' ' || COALESCE(r.topic, '')) LIKE ?2 ESCAPE '\\'"
                        + " ORDER BY LOWER(r.name), r.id")
                .setParameter(1, caller)
                .setParameter(2, pattern)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
        return rows.stream().map(row -> new ChannelView((String) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).longValue(), ((Number) row[4]).intValue() == 1, ((Number) row[5]).intValue() == 1))
                .toList();
    }
}
