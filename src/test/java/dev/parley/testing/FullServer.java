package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A full Jakarta EE server as an operator runs one, for the tests that deploy Parley's WAR on it: Payara Server 6
 * or GlassFish 8, unpacked by Maven into target/servers (pom.xml). Each start takes a fresh copy of the
 * distribution's stock domain, made loopback-only by {@code payara-config/server/loopback-domain.sh} with its ports
 * moved to free ones, and starts it with Parley's settings in the environment of {@code asadmin start-domain}
 * (how they reach MicroProfile Config on these servers). Deploying and undeploying go through
 * {@code payara-config/server/parley.sh}, the operator's script.
 */
public final class FullServer implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final Path home;
    private final Path domains;
    private final int offset;
    private final Map<String, String> javaEnvironment;
    private final Path log;

    private FullServer(String name, Path home, Path domains, int offset, Map<String, String> javaEnvironment,
            Path log) {
        this.name = name;
        this.home = home;
        this.domains = domains;
        this.offset = offset;
        this.javaEnvironment = javaEnvironment;
        this.log = log;
    }

    /** Payara Server 6 on Java 17, like Parley's own build. */
    public static FullServer payaraServer() {
        return prepare("payara-server", Path.of(System.getProperty("parley.payara-server.home",
                "target/servers/payara6")), Map.of());
    }

    /** GlassFish 8: it needs Java 21 or later, the newest JDK under /usr/lib/jvm runs it (as for Keycloak). */
    public static FullServer glassfish() {
        String jdk = Jdks.newest(21).toString();
        return prepare("glassfish", Path.of(System.getProperty("parley.glassfish.home",
                "target/servers/glassfish8")), Map.of("AS_JAVA", jdk, "JAVA_HOME", jdk));
    }

    private static FullServer prepare(String name, Path home, Map<String, String> java) {
        Path absolute = home.toAbsolutePath();
        if (!Files.isExecutable(absolute.resolve("bin/asadmin"))) {
            throw new IllegalStateException("no server at " + absolute + ": mvn verify unpacks it (pom.xml)");
        }
        Path folder = Path.of(System.getProperty("parley.testdata", "target/it-data")).toAbsolutePath()
                .resolve(name);
        Path domains = folder.resolve("domains");
        ChildProcesses.deleteRecursively(folder);
        copy(absolute.resolve("glassfish/domains/domain1"), domains.resolve("domain1"));
        // Ports: the stock ones moved by an offset that leaves every one of them free on 127.0.0.1 now.
        int offset = 20000 + (ParleyProcess.freeLoopbackPort() % 20) * 100;
        return new FullServer(name, absolute, domains, offset, java, folder.resolve("asadmin.log"));
    }

    /** Makes the domain loopback-only (the operator's script), then starts it with {@code settings}. */
    public FullServer start(Map<String, String> settings) {
        return start(settings, Map.of());
    }

    /**
     * The same, with {@code systemProperties} given to the server as JVM options as well (what {@code asadmin
     * create-jvm-options -Dparley.redis.url=...} does), the other way an operator hands Parley its settings.
     */
    public FullServer start(Map<String, String> settings, Map<String, String> systemProperties) {
        Map<String, String> loopback = new java.util.HashMap<>(javaEnvironment);
        loopback.put("PORT_OFFSET", Integer.toString(offset));
        run(loopback, "payara-config/server/loopback-domain.sh", domains.resolve("domain1").toString());
        addJvmOptions(systemProperties);
        Map<String, String> environment = new java.util.HashMap<>(javaEnvironment);
        environment.putAll(settings);
        run(environment, asadmin(), "start-domain", "--domaindir", domains.toString(), "domain1");
        return this;
    }

    /** Deploys the WAR the build made at context root "/" and waits until its sign-in page answers. */
    public URI deploy() {
        run(scriptEnvironment(), "payara-config/server/parley.sh", "deploy",
                Path.of(System.getProperty("parley.war", "target/parley.war")).toAbsolutePath().toString());
        URI base = URI.create("http://127.0.0.1:" + (8080 + offset) + "/");
        ChildProcesses.awaitAnswer(null, base.resolve("signin.xhtml"), Duration.ofSeconds(60), name, log);
        return base;
    }

    public void undeploy() {
        run(scriptEnvironment(), "payara-config/server/parley.sh", "undeploy");
    }

    /** The server's own log, for assertions about what Parley said at start. */
    public String serverLog() {
        try {
            return Files.readString(domains.resolve("domain1/logs/server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The addresses the server's Java processes listen on (from {@code ss}), to check they are all loopback. */
    public List<String> listeningAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp").redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes());
            ss.waitFor(10, TimeUnit.SECONDS);
            for (String line : out.split("\n")) {
                if (line.contains("java")) {
                    String[] columns = line.trim().split("\\s+");
                    addresses.add(columns[3]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return addresses;
    }

    @Override
    public void close() {
        try {
            run(javaEnvironment, asadmin(), "stop-domain", "--domaindir", domains.toString(), "domain1");
        } catch (RuntimeException alreadyStopped) {
            // Nothing more to stop.
        }
    }

    /** Adds {@code -Dkey=value} JVM options to the server's own configuration (server-config) in domain.xml. */
    private void addJvmOptions(Map<String, String> systemProperties) {
        if (systemProperties.isEmpty()) {
            return;
        }
        Path config = domains.resolve("domain1/config/domain.xml");
        try {
            String xml = Files.readString(config);
            int server = xml.indexOf("<config name=\"server-config\"");
            int javaConfig = xml.indexOf("<java-config", server);
            int afterTag = xml.indexOf('>', javaConfig) + 1;
            StringBuilder options = new StringBuilder();
            systemProperties.forEach((key, value) -> options.append("\n        <jvm-options>-D").append(key)
                    .append('=').append(value.replace("&", "&amp;").replace("<", "&lt;")).append("</jvm-options>"));
            Files.writeString(config, xml.substring(0, afterTag) + options + xml.substring(afterTag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the domain's server process works: relative paths (the default ./data/parley.db) start here. */
    public Path workingDirectory() {
        return domains.resolve("domain1/config");
    }

    private Map<String, String> scriptEnvironment() {
        Map<String, String> environment = new java.util.HashMap<>(javaEnvironment);
        environment.put("ASADMIN", asadmin());
        environment.put("ADMIN_PORT", Integer.toString(4848 + offset));
        return environment;
    }

    private String asadmin() {
        return home.resolve("bin/asadmin").toString();
    }

    private void run(Map<String, String> environment, String... command) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took too long; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue()
                        + "); see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
