package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis of one test's own (redis-server on 127.0.0.1, a fixed free port, nothing persisted), so that the test
 * can stop it and start it again where the nodes expect it without disturbing the shared one.
 */
public final class TestRedis implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final Path log;
    private Process process;

    private TestRedis(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    public static TestRedis start(String name) {
        Path folder = Path.of(System.getProperty("parley.testdata", "target/it-data")).toAbsolutePath();
        TestRedis redis = new TestRedis(ParleyProcess.freeLoopbackPort(), folder.resolve(name + "-redis.log"));
        redis.startAgain();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it again on the same port, after {@link #stop}. */
    public synchronized void startAgain() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(List.of("redis-server", "--bind", "127.0.0.1", "--port",
                    Integer.toString(port), "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server (is it installed?)", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("redis-server on port " + port + " did not start; see " + log);
            }
            sleep(100);
        }
    }

    /** Stops it at once (SIGKILL): what a crashed Redis looks like to its clients. */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private boolean answers() {
        try {
            Process ping = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "ping")
                    .redirectErrorStream(true).start();
            String answer = new String(ping.getInputStream().readAllBytes()).strip();
            return ping.waitFor() == 0 && answer.equals("PONG");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    @Override
    public void close() {
        stop();
    }
}
