package dev.parley.realtime;

import dev.parley.testing.TestRedis;
import org.junit.jupiter.api.Test;

/** The fault run ({@link NodesComeAndGo}) on a single Redis of its own, stopped for 10 s mid-stream. */
class NodesComeAndGoIT {

    @Test
    void aKilledNodeAndARedisOutageLoseNothingDuplicateNothingAndReorderNothing() throws Exception {
        try (TestRedis redis = TestRedis.start("nodes-come-and-go")) {
            NodesComeAndGo.run("nodes-come-and-go", new NodesComeAndGo.RedisOutage() {
                @Override
                public String url() {
                    return redis.url();
                }

                @Override
                public boolean cluster() {
                    return false;
                }

                @Override
                public void stop(String room) {
                    redis.stop();
                }

                @Override
                public void start() {
                    redis.startAgain();
                }
            });
        }
    }
}
