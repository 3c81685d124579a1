package dev.parley.realtime;

import dev.parley.testing.TestRedisCluster;
import org.junit.jupiter.api.Test;

/**
 * The fault run ({@link NodesComeAndGo}) on a Redis Cluster of three masters started by the test: the master
 * serving the room's channel is stopped for 10 s mid-stream (with no replicas the whole cluster refuses keyed
 * commands meanwhile), and started again.
 */
class NodesComeAndGoOnRedisClusterIT {

    @Test
    void aKilledNodeAndAStoppedMasterLoseNothingDuplicateNothingAndReorderNothing() throws Exception {
        try (TestRedisCluster cluster = TestRedisCluster.start("nodes-come-and-go-cluster")) {
            int[] stopped = {-1};
            NodesComeAndGo.run("nodes-come-and-go-cluster", new NodesComeAndGo.RedisOutage() {
                @Override
                public String url() {
                    return cluster.url();
                }

                @Override
                public boolean cluster() {
                    return true;
                }

                @Override
                public void stop(String room) {
                    stopped[0] = cluster.masterIndexOwning(RedisBus.channelOf(room));
                    cluster.stopMaster(stopped[0]);
                }

                @Override
                public void start() {
                    cluster.startMasterAgain(stopped[0]);
                }
            });
        }
    }
}
