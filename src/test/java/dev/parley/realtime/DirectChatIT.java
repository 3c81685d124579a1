package dev.parley.realtime;

import dev.parley.testing.ParleyDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The chat scenarios on the embedded defaults: SQLite and the in-process bus, as a newcomer runs Parley. */
class DirectChatIT extends ChatScenarios {

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("direct-chat").archive();
    }
}
