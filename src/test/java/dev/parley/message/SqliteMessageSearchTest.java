package dev.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqliteMessageSearchTest {

    @Test
    void everyWordIsQuotedSoNothingTypedIsQuerySyntax() {
        assertEquals("\"quarterly\" \"report\"", SqliteMessageSearch.matchExpression("  quarterly   report "));
        assertEquals("\"NEAR(a\" \"OR\" \"b*\"", SqliteMessageSearch.matchExpression("NEAR(a OR b*"));
        assertEquals("\"say\" \"\"\"hi\"\"\"", SqliteMessageSearch.matchExpression("say \"hi\""));
    }
}
