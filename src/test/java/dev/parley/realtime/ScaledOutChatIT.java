package dev.parley.realtime;

import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.TestServices;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The same chat scenarios as Parley runs when it outgrows one machine: PostgreSQL for storage, Redis pub/sub
 * for fan-out and Redis for presence, real servers on 127.0.0.1.
 */
class ScaledOutChatIT extends ChatScenarios {

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onPostgres(TestServices.freshPostgresSchema("it_scaled_out"))
                .with("parley.redis.url", TestServices.REDIS_URL)
                .archive();
    }
}
