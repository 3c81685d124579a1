package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    @Test
    void onlyAKeyViolationMeansTheNameIsTaken() {
        assertTrue(AccountService.isDuplicateKey(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505"))), "PostgreSQL");
        assertTrue(AccountService.isDuplicateKey(new PersistenceException(
                new SQLException("[SQLITE_CONSTRAINT_PRIMARYKEY] A PRIMARY KEY constraint failed", null, 19))),
                "SQLite");
        assertFalse(AccountService.isDuplicateKey(new PersistenceException(
                new SQLException("[SQLITE_BUSY] The database file is locked", null, 5))), "a locked database");
        assertFalse(AccountService.isDuplicateKey(new PersistenceException(
                new SQLException("connection refused", "08001"))), "no connection");
        assertFalse(AccountService.isDuplicateKey(new PersistenceException("no cause")));
    }
}
