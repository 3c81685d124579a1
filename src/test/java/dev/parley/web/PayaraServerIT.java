package dev.parley.web;

import dev.parley.testing.FullServer;
import dev.parley.testing.TestServices;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Parley's WAR on Payara Server 6 (the full server, {@code fish.payara.distributions:payara}), on PostgreSQL and
 * Redis given to the domain as environment variables, as a company running several nodes would.
 */
class PayaraServerIT extends FullServerChecks {

    @BeforeAll
    static void startServer() {
        server = FullServer.payaraServer().start(Map.of(
                "PARLEY_DB_URL", TestServices.postgresUrl(TestServices.freshPostgresSchema("payara_server")),
                "PARLEY_DB_USER", TestServices.POSTGRES_USER,
                "PARLEY_REDIS_URL", TestServices.REDIS_URL));
        base = server.deploy();
    }

    @Override
    boolean servesOpenApi() {
        return true;
    }
}
