package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.FullServer;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyHttp;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Parley's WAR on GlassFish 8 ({@code org.glassfish.main.distributions:glassfish}, on Java 21+) with the embedded
 * defaults, SQLite and in-process fan-out, and one setting given as a JVM option (a system property). GlassFish has
 * no MicroProfile OpenAPI, so no {@code /openapi}.
 */
class GlassFishIT extends FullServerChecks {

    @BeforeAll
    static void startServer() {
        server = FullServer.glassfish().start(Map.of(), Map.of("parley.message.max-length", "1234"));
        base = server.deploy();
    }

    @Test
    @Order(6)
    void theEmbeddedDefaultsKeepTheDataBesideTheDomain() {
        assertTrue(Files.exists(server.workingDirectory().resolve("data/parley.db")),
                "./data/parley.db under the domain's working directory");
    }

    @Test
    @Order(2)
    void aSettingGivenAsAJvmOptionReachesParley() {
        ParleyHttp dora = ParleyHttp.newUser(base, Names.unique("dora"));
        assertTrue(dora.get("index.xhtml").body().contains("data-max-length=\"1234\""));
    }

    @Override
    boolean servesOpenApi() {
        return false;
    }
}
