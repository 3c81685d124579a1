package dev.parley.message;

import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Search on SQLite: the FTS5 table {@code messages_fts}, walked newest first by rowid (the message id). */
class SqliteMessageSearch implements MessageSearch {

    private final EntityManager em;

    SqliteMessageSearch(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Long> newestMatching(String reader, String words, String room, long beforeId, int limit) {
        String sql = "SELECT m.id FROM messages_fts f JOIN messages m ON m.id = f.rowid "
                + "WHERE messages_fts MATCH ?1 AND f.rowid < ?2 "
                + "AND m.room_id IN (SELECT room_id FROM memberships WHERE username = ?3) "
                + (room == null ? "" : "AND m.room_id = ?5 ")
                + "ORDER BY f.rowid DESC LIMIT ?4";
        var query = em.createNativeQuery(sql).setParameter(1, matchExpression(words)).setParameter(2, beforeId)
                .setParameter(3, reader).setParameter(4, limit);
        if (room != null) {
            query.setParameter(5, room);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Each word quoted, so what a person types is never read as FTS5 query syntax (a stray quote, "OR",
     * "NEAR(") and every word has to match.
     */
    static String matchExpression(String words) {
        return Arrays.stream(words.strip().split("\\s+"))
                .map(word -> "\"" + word.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(" "));
    }
}
