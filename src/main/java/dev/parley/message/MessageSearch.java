package dev.parley.message;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * Full-text search over the messages of a user's rooms, with the database's own index: SQLite FTS5 or
 * PostgreSQL's tsvector under GIN. Each database says how to match words; restricting to the reader's rooms,
 * paging and ordering are the same SQL for both. Answers ids only, newest first; {@link MessageService} loads
 * the messages.
 */
abstract class MessageSearch {

    private final EntityManager em;

    MessageSearch(EntityManager em) {
        this.em = em;
    }

    /** The FROM and WHERE of a search: ?1 is {@link #match}'s value; the alias of messages is m. */
    abstract String matchingMessages();

    /** What the words become as the match parameter. */
    abstract String match(String words);

    /** The message id as the index sees it: paging and ordering on it let the index walk newest first. */
    abstract String indexedId();

    /**
     * @param words what the user typed; every word must occur
     * @param room  only this room, or null for all the reader's rooms
     */
    List<Long> newestMatching(String reader, String words, String room, long beforeId, int limit) {
        // "|| ''" keeps PostgreSQL from using the room index for the membership filter: with it, a rare word in
        // big rooms took 120-180 ms (one bitmap of every message per room); without, about 1 ms
        // (docs/performance.md). SQLite's plan is the same either way.
        String sql = "SELECT m.id " + matchingMessages() + " AND " + indexedId() + " < ?2 "
                + "AND (m.room_id || '') IN (SELECT room_id FROM memberships WHERE username = ?3) "
                + (room == null ? "" : "AND m.room_id = ?5 ")
                + "ORDER BY " + indexedId() + " DESC LIMIT ?4";
        Query query = em.createNativeQuery(sql).setParameter(1, match(words)).setParameter(2, beforeId)
                .setParameter(3, reader).setParameter(4, limit);
        if (room != null) {
            query.setParameter(5, room);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
