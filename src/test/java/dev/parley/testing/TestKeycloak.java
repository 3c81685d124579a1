package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak, the identity provider companies run most, for tests: the distribution Maven unpacked into target/keycloak
 * (pom.xml), started in development mode on 127.0.0.1 with a local cache (no cluster traffic), a fresh embedded
 * database and the realm of {@code src/test/keycloak/parley-realm.json} imported at start: a confidential client for
 * Parley, the groups {@code parley-admins} and {@code staff}, and two people, kai (an admin) and lou. Keycloak 26
 * needs Java 21 or later: the newest JDK under /usr/lib/jvm runs it (Parley stays on 17).
 */
public final class TestKeycloak implements AutoCloseable {

    public static final String REALM = "parley";
    public static final String CLIENT_ID = "parley";
    /** Made up for the tests; a real client secret comes from configuration, never a repository. */
    public static final String CLIENT_SECRET = "test-only-keycloak-secret-9e2a";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI base;
    private final Path log;

    private TestKeycloak(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts Keycloak with Parley at {@code parley} registered as the realm's client. */
    public static TestKeycloak start(URI parley) {
        Path home = Path.of(System.getProperty("parley.keycloak.home", "target/keycloak/keycloak-26.5.6"))
                .toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + ": mvn verify unpacks it (pom.xml)");
        }
        int port = ParleyProcess.freeLoopbackPort();
        Path log = Path.of(System.getProperty("parley.testdata", "target/it-data")).toAbsolutePath()
                .resolve("keycloak-" + port + ".log");
        try {
            ChildProcesses.deleteRecursively(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            String base = parley.toString().replaceAll("/+$", "");
            Files.writeString(imports.resolve("parley-realm.json"),
                    Files.readString(Path.of("src/test/keycloak/parley-realm.json"))
                            .replace("@PARLEY_URL@", base).replace("@CLIENT_SECRET@", CLIENT_SECRET));
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--cache=local", "--import-realm")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", Jdks.newest(21).toString());
            builder.environment().put("JAVA_OPTS_APPEND", "-Djava.net.preferIPv4Stack=true");
            TestKeycloak keycloak = new TestKeycloak(builder.start(), URI.create("http://127.0.0.1:" + port), log);
            keycloak.awaitRealm();
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer of the test realm, {@code http://127.0.0.1:<port>/realms/parley}. */
    public URI issuer() {
        return base.resolve("/realms/" + REALM);
    }

    /**
     * Signs {@code browser} in through Keycloak: Parley's {@code /signin/oidc}, Keycloak's login form, back to Parley.
     * Returns the page the browser ended on (straight back to Parley while Keycloak's session lasts).
     */
    public ParleyHttp.Page signIn(ParleyHttp browser, String username, String password) {
        ParleyHttp.Page page = browser.browse(browser.base().resolve("signin/oidc"));
        if (!isLoginForm(page)) {
            return page;
        }
        return browser.submit(page.formAction(), Map.of("username", username, "password", password));
    }

    /** Whether the browser is looking at Keycloak's login form. */
    public boolean isLoginForm(ParleyHttp.Page page) {
        return page.uri().getPort() == base.getPort() && page.body().contains("id=\"kc-form-login\"");
    }

    private void awaitRealm() {
        try {
            ChildProcesses.awaitAnswer(process, URI.create(issuer() + "/.well-known/openid-configuration"),
                    START_TIMEOUT, "Keycloak", log);
        } catch (IllegalStateException failed) {
            close();
            throw failed;
        }
    }

    /** Stops Keycloak and everything it started (kc.sh runs the JVM as a child). */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception stillRunning) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
