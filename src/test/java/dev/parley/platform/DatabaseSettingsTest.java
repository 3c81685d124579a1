package dev.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The database settings where MicroProfile Config cannot answer yet (GlassFish, while it deploys the persistence
 * unit): system properties first, then environment variables named as MicroProfile Config names them.
 */
class DatabaseSettingsTest {

    @Test
    void aSystemPropertyIsReadByItsKey() {
        System.setProperty("parley.test-only.setting", "from a JVM option");
        try {
            assertEquals(Optional.of("from a JVM option"), DatabaseSettings.fromSystem("parley.test-only.setting"));
        } finally {
            System.clearProperty("parley.test-only.setting");
        }
    }

    @Test
    void environmentVariablesAreNamedAsMicroProfileConfigNamesThem() {
        assertEquals("PARLEY_DB_URL", DatabaseSettings.environmentName("parley.db.url"));
        assertEquals("PARLEY_DB_SQLITE_SYNCHRONOUS", DatabaseSettings.environmentName("parley.db.sqlite-synchronous"));
    }

    @Test
    void anEnvironmentVariableIsReadByTheUpperCaseName() {
        // PATH is set for every process; "path" as a key maps to it as parley.db.url maps to PARLEY_DB_URL.
        assertEquals(Optional.ofNullable(System.getenv("PATH")).filter(v -> !v.isBlank()),
                DatabaseSettings.fromSystem("path"));
        assertTrue(DatabaseSettings.fromSystem("parley.no-such.setting-anywhere").isEmpty());
    }
}
