package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of one test's own: three masters and no replicas (redis-server on 127.0.0.1, nothing persisted
 * but each node's cluster configuration), so that a test can kill the master owning a channel and start it again
 * where the cluster and the clients expect it. Without replicas nothing takes over a dead master's slots: the
 * cluster goes to {@code cluster_state:fail} until that master is back, with the same slots from its nodes file.
 */
public final class TestRedisCluster implements AutoCloseable {

    private static final int MASTERS = 3;
    // Redis talks to the other nodes on port + 10000 (the cluster bus), which must be free too.
    private static final int BUS_OFFSET = 10000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FORM_TIMEOUT = Duration.ofSeconds(20);
    // A restarted master waits out its rejoin delay, and the others clear their FAIL flag on it, before it is ok.
    private static final Duration REJOIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(10);

    private final Path folder;
    private final int[] ports;
    private final Process[] processes = new Process[MASTERS];

    private TestRedisCluster(Path folder, int[] ports) {
        this.folder = folder;
        this.ports = ports;
    }

    /** Starts three masters in a fresh folder, forms the cluster over all 16384 slots and waits until it is ok. */
    public static TestRedisCluster start(String name) {
        Path folder = Path.of(System.getProperty("parley.testdata", "target/it-data")).toAbsolutePath()
                .resolve(name + "-cluster");
        ChildProcesses.deleteRecursively(folder);
        TestRedisCluster cluster = new TestRedisCluster(folder, freePortsWithFreeBus());
        try {
            for (int index = 0; index < MASTERS; index++) {
                cluster.startMaster(index);
            }
            cluster.create();
            cluster.awaitOk(FORM_TIMEOUT);
            return cluster;
        } catch (RuntimeException failed) {
            cluster.close();
            throw failed;
        }
    }

    /** Each master's address, for a client's seed list. */
    public List<String> nodeUrls() {
        return Arrays.stream(ports).mapToObj(port -> "redis://127.0.0.1:" + port).toList();
    }

    /** The seed list in one setting: the three addresses separated by commas. */
    public String url() {
        return String.join(",", nodeUrls());
    }

    /** Kills master {@code index} (0 to 2) at once (SIGKILL): a crashed shard, with nobody to take its slots over. */
    public synchronized void stopMaster(int index) {
        Process process = processes[index];
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            processes[index] = null;
        }
    }

    /**
     * Starts master {@code index} again after {@link #stopMaster}: same port, folder and nodes file, so it comes back
     * as the same node with the same slots; returns when every master says the cluster is ok again.
     */
    public synchronized void startMasterAgain(int index) {
        startMaster(index);
        awaitOk(REJOIN_TIMEOUT);
    }

    /** Which master (0 to 2) serves the hash slot of {@code key}, a key or a sharded channel. */
    public int masterIndexOwning(String key) {
        int asker = firstRunning();
        int slot = Integer.parseInt(cli(ports[asker], "cluster", "keyslot", key).strip());
        // A line of CLUSTER NODES: id host:port@bus flags master ping pong epoch link slot-range...
        for (String line : cli(ports[asker], "cluster", "nodes").split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length < 9) {
                continue;
            }
            int port = Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1, fields[1].indexOf('@')));
            for (int i = 8; i < fields.length; i++) {
                if (fields[i].startsWith("[")) {
                    continue; // a slot being migrated or imported: not this test's doing
                }
                String[] range = fields[i].split("-");
                int first = Integer.parseInt(range[0]);
                int last = Integer.parseInt(range[range.length - 1]);
                if (slot >= first && slot <= last) {
                    return indexOf(port);
                }
            }
        }
        throw new IllegalStateException("no master serves slot " + slot + " of " + key);
    }

    private void startMaster(int index) {
        int port = ports[index];
        Path directory = folder.resolve("node-" + port);
        try {
            Files.createDirectories(directory);
            processes[index] = new ProcessBuilder(List.of("redis-server", "--bind", "127.0.0.1",
                    "--port", Integer.toString(port), "--cluster-enabled", "yes",
                    "--cluster-config-file", directory.resolve("nodes-" + port + ".conf").toString(),
                    "--cluster-node-timeout", "2000", "--save", "", "--appendonly", "no",
                    "--dir", directory.toString()))
                    .directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server (is it installed?)", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!"PONG".equals(tryCli(port, "ping"))) {
            if (!processes[index].isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on port " + port + " did not start; see "
                        + directory.resolve("redis.log"));
            }
            sleep(100);
        }
    }

    private void create() {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        Arrays.stream(ports).forEach(port -> command.add("127.0.0.1:" + port));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Path log = folder.resolve("create.log");
        try {
            Process create = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!create.waitFor(FORM_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                create.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create did not finish; see " + log);
            }
            // It can exit 0 and still have said [ERR], so its last word is read too.
            if (create.exitValue() != 0 || !Files.readString(log).contains("[OK] All 16384 slots covered")) {
                throw new IllegalStateException("redis-cli --cluster create failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every master says cluster_state:ok: one that says so alone may still be refused by another. */
    private void awaitOk(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!Arrays.stream(ports).allMatch(port -> {
            String info = tryCli(port, "cluster", "info");
            return info != null && info.contains("cluster_state:ok");
        })) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster not ok within " + patience + ": " + Arrays.stream(ports)
                        .mapToObj(port -> port + " " + state(tryCli(port, "cluster", "info")))
                        .collect(Collectors.joining(", ")) + "; see " + folder);
            }
            sleep(100);
        }
    }

    private static String state(String info) {
        if (info == null) {
            return "not answering";
        }
        return info.lines().filter(line -> line.startsWith("cluster_state:")).findFirst().orElse("?");
    }

    private int firstRunning() {
        for (int index = 0; index < MASTERS; index++) {
            if (processes[index] != null) {
                return index;
            }
        }
        throw new IllegalStateException("no master is running");
    }

    private int indexOf(int port) {
        for (int index = 0; index < MASTERS; index++) {
            if (ports[index] == port) {
                return index;
            }
        }
        throw new IllegalStateException("port " + port + " is not one of " + Arrays.toString(ports));
    }

    private String cli(int port, String... arguments) {
        String answer = tryCli(port, arguments);
        if (answer == null || answer.startsWith("ERR") || answer.startsWith("Could not connect")) {
            throw new IllegalStateException("redis-cli -p " + port + " " + String.join(" ", arguments)
                    + " answered " + answer);
        }
        return answer;
    }

    /** What redis-cli answers, or null when the node does not answer (not started yet, or killed). */
    private static String tryCli(int port, String... arguments) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(arguments));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String answer = new String(cli.getInputStream().readAllBytes()).strip();
            if (!cli.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                return null;
            }
            return cli.exitValue() == 0 && !answer.startsWith("Could not connect") ? answer : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Three ports free on 127.0.0.1 whose bus ports (port + 10000, below 65536) are free as well. */
    private static int[] freePortsWithFreeBus() {
        int[] ports = new int[MASTERS];
        int found = 0;
        for (int tries = 0; found < MASTERS && tries < 1000; tries++) {
            int port = ParleyProcess.freeLoopbackPort();
            int bus = port + BUS_OFFSET;
            // Linux hands out ephemeral ports up to 60999, so many have no bus port at all.
            if (bus < 65536 && free(bus) && Arrays.stream(ports, 0, found)
                    .noneMatch(taken -> taken == port || taken == bus || taken + BUS_OFFSET == port)) {
                ports[found++] = port;
            }
        }
        if (found < MASTERS) {
            throw new IllegalStateException("found no three free ports with free cluster bus ports");
        }
        return ports;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops all three; their folders stay, with each one's log and nodes file, for whoever reads a failure. */
    @Override
    public synchronized void close() {
        for (int index = 0; index < MASTERS; index++) {
            stopMaster(index);
        }
    }
}
