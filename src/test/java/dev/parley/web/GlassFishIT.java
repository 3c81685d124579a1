package dev.parley.web;

import dev.parley.testing.FullServer;
import dev.parley.testing.ParleyDeployment;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Parley's WAR on GlassFish 8 ({@code org.glassfish.main.distributions:glassfish}, on Java 21+) with the embedded
 * defaults: SQLite and in-process fan-out. GlassFish has no MicroProfile OpenAPI, so no {@code /openapi}.
 */
class GlassFishIT extends FullServerChecks {

    @BeforeAll
    static void startServer() {
        server = FullServer.glassfish().start(Map.of(
                "PARLEY_DB_URL", "jdbc:sqlite:" + ParleyDeployment.freshSqliteFile("glassfish")));
        base = server.deploy();
    }

    @Override
    boolean servesOpenApi() {
        return false;
    }
}
