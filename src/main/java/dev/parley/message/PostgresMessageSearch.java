package dev.parley.message;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Search on PostgreSQL: the generated {@code search} tsvector under its GIN index. */
class PostgresMessageSearch implements MessageSearch {

    private final EntityManager em;

    PostgresMessageSearch(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Long> newestMatching(String reader, String words, String room, long beforeId, int limit) {
        // plainto_tsquery: every word must occur, and nothing typed is read as query syntax.
        String sql = "SELECT m.id FROM messages m "
                + "WHERE m.search @@ plainto_tsquery('simple', ?1) AND m.id < ?2 "
                + "AND m.room_id IN (SELECT room_id FROM memberships WHERE username = ?3) "
                + (room == null ? "" : "AND m.room_id = ?5 ")
                + "ORDER BY m.id DESC LIMIT ?4";
        var query = em.createNativeQuery(sql).setParameter(1, words).setParameter(2, beforeId)
                .setParameter(3, reader).setParameter(4, limit);
        if (room != null) {
            query.setParameter(5, room);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
