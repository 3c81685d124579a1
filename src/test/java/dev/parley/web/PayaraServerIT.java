package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.FullServer;
import dev.parley.testing.TestServices;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Parley's WAR on Payara Server 6 (the full server, {@code fish.payara.distributions:payara}), on PostgreSQL (given
 * to the domain as environment variables) and Redis (as a JVM option), as a company running several nodes would.
 */
class PayaraServerIT extends FullServerChecks {

    @BeforeAll
    static void startServer() {
        server = FullServer.payaraServer().start(Map.of(
                "PARLEY_DB_URL", TestServices.postgresUrl(TestServices.freshPostgresSchema("payara_server")),
                "PARLEY_DB_USER", TestServices.POSTGRES_USER),
                Map.of("parley.redis.url", TestServices.REDIS_URL));
        base = server.deploy();
    }

    @Test
    @Order(2)
    void theRedisUrlGivenAsAJvmOptionTurnsOnFanOutOverRedis() {
        assertTrue(server.serverLog().contains("Fan-out over Redis sharded pub/sub"), "the JVM option reached Parley");
    }

    @Override
    boolean servesOpenApi() {
        return true;
    }
}
