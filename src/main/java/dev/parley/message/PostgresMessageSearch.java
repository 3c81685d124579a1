package dev.parley.message;

import jakarta.persistence.EntityManager;

/** Search on PostgreSQL: the generated {@code search} tsvector under its GIN index. */
class PostgresMessageSearch extends MessageSearch {

    PostgresMessageSearch(EntityManager em) {
        super(em);
    }

    /** plainto_tsquery: every word must occur, and nothing typed is read as query syntax. */
    @Override
    String matchingMessages() {
        return "FROM messages m WHERE m.search @@ plainto_tsquery('simple', ?1)";
    }

    @Override
    String indexedId() {
        return "m.id";
    }

    @Override
    String match(String words) {
        return words;
    }
}
