package dev.parley.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Parley server process as Linux shows it: CPU time (user + system, from {@code /proc/<pid>/stat}), resident
 * memory ({@code VmRSS} in {@code /proc/<pid>/status}), and on request the live heap ({@code jcmd <pid>
 * GC.class_histogram}, which runs a full collection first). The process is given by {@code --pid} or found as
 * the one listening on the URL's port ({@code ss -ltnp}); without it the report has no server figures.
 */
final class ServerProcess {

    private static final Pattern SS_PID = Pattern.compile("pid=(\\d+)");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    private final long pid;
    private final long ticksPerSecond;
    /** The other nodes of a run against several (their figures are added to this one's). */
    private final List<ServerProcess> others;

    private ServerProcess(long pid, long ticksPerSecond, List<ServerProcess> others) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
        this.others = others;
    }

    /** This node and {@code more}, measured as one: CPU, memory and heap are their sums. */
    ServerProcess with(List<ServerProcess> more) {
        return new ServerProcess(pid, ticksPerSecond, List.copyOf(more));
    }

    /** The process {@code pid}, or the one listening on {@code port} when pid is 0; null when neither works. */
    static ServerProcess find(long pid, int port) {
        long found = pid > 0 ? pid : listeningOn(port).orElse(0);
        if (found <= 0 || !Files.isReadable(Path.of("/proc", Long.toString(found), "stat"))) {
            return null;
        }
        return new ServerProcess(found, clockTicks(), List.of());
    }

    long pid() {
        return pid;
    }

    /** User plus system CPU time so far, in nanoseconds (of every node). */
    long cpuNanos() {
        return sum(ServerProcess::ownCpuNanos);
    }

    /** A figure of this node plus the other nodes', or -1 when any of them cannot tell. */
    private long sum(ToLongFunction<ServerProcess> figure) {
        long total = figure.applyAsLong(this);
        for (ServerProcess other : others) {
            long theirs = figure.applyAsLong(other);
            total = total < 0 || theirs < 0 ? -1 : total + theirs;
        }
        return total;
    }

    private long ownCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * TimeUnit.SECONDS.toNanos(1) / ticksPerSecond;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** Resident memory in bytes (of every node), or -1 when a process is gone. */
    long residentBytes() {
        return sum(ServerProcess::ownResidentBytes);
    }

    private long ownResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
        return -1;
    }

    /** Bytes of live objects after a full GC, from {@code jcmd GC.class_histogram}; -1 if jcmd cannot tell. */
    long liveHeapBytes() {
        String output = run(List.of(jcmd(), Long.toString(pid), "GC.class_histogram"), 120);
        Matcher total = output == null ? null : HISTOGRAM_TOTAL.matcher(output);
        return total != null && total.find() ? Long.parseLong(total.group(2)) : -1;
    }

    private static OptionalLong listeningOn(int port) {
        String output = run(List.of("ss", "-ltnpH", "sport = :" + port), 10);
        if (output == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = SS_PID.matcher(output);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    private static long clockTicks() {
        String output = run(List.of("getconf", "CLK_TCK"), 10);
        try {
            return output == null ? 100 : Long.parseLong(output.strip());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static String jcmd() {
        Path besideJava = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(besideJava) ? besideJava.toString() : "jcmd";
    }

    private static String run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
