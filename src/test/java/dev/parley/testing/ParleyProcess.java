package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parley as its run command starts it: the command line of pom.xml's {@code run} profile ({@link RunProfile}) on
 * a free port, and settings as environment variables. For tests about the process itself: restarts, and later node
 * deaths, that an in-container deployment cannot show.
 */
public final class ParleyProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI base;
    private final Path log;

    private ParleyProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts a node with these environment variables and waits until it serves the sign-in page. */
    public static ParleyProcess start(String name, Map<String, String> environment) {
        return start(name, environment, RunProfile.fromPom());
    }

    /**
     * Starts {@code command} (the run profile's, or it with an option changed) on a free port, in a fresh working
     * directory of its own under target/it-data, so the embedded defaults ({@code ./data/parley.db}) start empty
     * and stay there.
     */
    public static ParleyProcess start(String name, Map<String, String> environment, RunProfile command) {
        return start(name, environment, command, freeLoopbackPort());
    }

    /**
     * Starts the run command on {@code port}, chosen beforehand (see {@link #freeLoopbackPort}) when something must
     * know Parley's address before it starts: an identity provider its redirect URI.
     */
    public static ParleyProcess start(String name, Map<String, String> environment, RunProfile command, int port) {
        RunProfile onFreePort = command.with("--port", Integer.toString(port));
        Path folder = Path.of(System.getProperty("parley.testdata", "target/it-data")).toAbsolutePath();
        Path log = folder.resolve(name + ".log");
        Path workingDirectory = folder.resolve(name);
        List<String> commandLine = new ArrayList<>();
        commandLine.add(onFreePort.executable());
        commandLine.addAll(onFreePort.arguments());
        try {
            ChildProcesses.deleteRecursively(workingDirectory);
            Files.createDirectories(workingDirectory);
            ProcessBuilder builder = new ProcessBuilder(commandLine).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            String contextRoot = onFreePort.valueOf("--contextroot");
            URI base = URI.create("http://127.0.0.1:" + port + (contextRoot.endsWith("/") ? contextRoot : contextRoot + "/"));
            ParleyProcess node = new ParleyProcess(builder.start(), base, log);
            node.awaitServing();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on now, on 127.0.0.1. */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitServing() {
        try {
            ChildProcesses.awaitAnswer(process, base.resolve("signin.xhtml"), START_TIMEOUT, "Parley", log);
        } catch (IllegalStateException failed) {
            close();
            throw failed;
        }
    }

    public URI base() {
        return base;
    }

    /** What the node has written to its log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line the node runs with, as the operating system reports it (Linux: /proc/PID/cmdline). */
    public List<String> commandLine() {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return List.of(cmdline.split("\0"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operating system's id of the node, to read its CPU time from /proc. */
    public long pid() {
        return process.pid();
    }

    /** Kills the node without warning (SIGKILL, as {@code kill -9}): nothing of it runs to say goodbye. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the node the way an operator does: SIGTERM, then waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
