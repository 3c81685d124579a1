package dev.parley.message;

import java.util.List;

/**
 * Full-text search over the messages of a user's rooms, with the database's own index: SQLite FTS5 or
 * PostgreSQL's tsvector under GIN. Answers ids only, newest first; {@link MessageService} loads the messages.
 */
public interface MessageSearch {

    /**
     * @param words what the user typed; every word must occur
     * @param room  only this room, or null for all the reader's rooms
     */
    List<Long> newestMatching(String reader, String words, String room, long beforeId, int limit);
}
