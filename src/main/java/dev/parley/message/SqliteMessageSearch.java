package dev.parley.message;

import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Search on SQLite: the FTS5 table {@code messages_fts}, whose rowid is the message id. */
class SqliteMessageSearch extends MessageSearch {

    SqliteMessageSearch(EntityManager em) {
        super(em);
    }

    @Override
    String matchingMessages() {
        return "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid WHERE messages_fts MATCH ?1";
    }

    @Override
    String indexedId() {
        return "messages_fts.rowid";
    }

    /**
     * Each word quoted, so what a person types is never read as FTS5 query syntax (a stray quote, "OR",
     * "NEAR(") and every word has to match.
     */
    @Override
    String match(String words) {
        return matchExpression(words);
    }

    static String matchExpression(String words) {
        return Arrays.stream(words.strip().split("\\s+"))
                .map(word -> "\"" + word.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(" "));
    }
}
