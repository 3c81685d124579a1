package dev.parley.testing;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A company's OpenID Connect provider for tests: the npm package {@code oidc-provider}, run by Node.js from
 * {@code src/test/idp/provider.mjs} on 127.0.0.1, with one client (Parley) and the people a test gives it. Its
 * packages are installed with {@code npm ci} into target/test-idp the first time (from the npm registry).
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "parley";
    /** Made up for the tests; a real client secret comes from configuration, never a repository. */
    public static final String CLIENT_SECRET = "test-only-client-secret-5c1d";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI issuer;
    private final Path peopleFile;
    private final Path log;

    private TestIdentityProvider(Process process, URI issuer, Path peopleFile, Path log) {
        this.process = process;
        this.issuer = issuer;
        this.peopleFile = peopleFile;
        this.log = log;
    }

    /** One person of the company, as the provider describes them (claims). */
    public record Person(String login, String subject, String username, String name, String email,
            boolean emailVerified, List<String> groups) {
    }

    /** Starts the provider for a Parley at {@code parley} (its callback and sign-in page are registered). */
    public static TestIdentityProvider start(URI parley, List<Person> people) {
        Path folder = Path.of(System.getProperty("parley.testdata", "target/it-data")).toAbsolutePath()
                .resolve("test-idp");
        Path program = installed();
        int port = ParleyProcess.freeLoopbackPort();
        try {
            Files.createDirectories(folder);
            Path peopleFile = folder.resolve("people-" + port + ".json");
            Path settings = folder.resolve("settings-" + port + ".json");
            Path log = folder.resolve("provider-" + port + ".log");
            String base = parley.toString().replaceAll("/+$", "");
            Files.writeString(settings, Json.createObjectBuilder()
                    .add("port", port)
                    .add("clientId", CLIENT_ID)
                    .add("clientSecret", CLIENT_SECRET)
                    .add("redirectUri", base + "/signin/oidc/callback")
                    .add("postLogoutRedirectUri", base + "/signin.xhtml")
                    .add("peopleFile", peopleFile.toString())
                    .build().toString());
            TestIdentityProvider provider = new TestIdentityProvider(
                    new ProcessBuilder("node", program.toString(), settings.toString())
                            .redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                    URI.create("http://127.0.0.1:" + port), peopleFile, log);
            provider.setPeople(people);
            provider.awaitReady();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider's script with its packages, installed into target/test-idp once per build. */
    private static synchronized Path installed() {
        Path source = Path.of("src/test/idp").toAbsolutePath();
        Path target = Path.of("target/test-idp").toAbsolutePath();
        try {
            Files.createDirectories(target);
            for (String file : List.of("package.json", "package-lock.json", "provider.mjs")) {
                Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isDirectory(target.resolve("node_modules/oidc-provider"))) {
                Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(target.toFile())
                        .redirectErrorStream(true).redirectOutput(target.resolve("npm-ci.log").toFile()).start();
                if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                    npm.destroyForcibly();
                    throw new IllegalStateException("npm ci failed in " + target + "; see npm-ci.log there");
                }
            }
            return target.resolve("provider.mjs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the company's people: read again at each sign-in, so a change shows at the next one. */
    public void setPeople(List<Person> people) {
        JsonObjectBuilder all = Json.createObjectBuilder();
        for (Person person : people) {
            var groups = Json.createArrayBuilder();
            person.groups().forEach(groups::add);
            all.add(person.login(), Json.createObjectBuilder()
                    .add("sub", person.subject())
                    .add("preferred_username", person.username())
                    .add("name", person.name())
                    .add("email", person.email())
                    .add("email_verified", person.emailVerified())
                    .add("groups", groups));
        }
        try {
            Path next = peopleFile.resolveSibling(peopleFile.getFileName() + ".next");
            Files.writeString(next, all.build().toString());
            Files.move(next, peopleFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the ID tokens it hands out from now on wrong in one way: {@code issuer}, {@code audience},
     * {@code signature} (another key), {@code expired}; {@code none} for honest tokens again.
     */
    public void forge(String how) {
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    issuer.resolve("/test/forge?how=" + how)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 204) {
                throw new IllegalStateException("forge " + how + ": " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs {@code browser} in through the provider as a person would: Parley's {@code /signin/oidc}, the provider's
     * login form (any password), back to Parley. Returns the page the browser ended on. When the browser still has
     * a session at the provider, the provider sends it straight back without the form.
     */
    public ParleyHttp.Page signIn(ParleyHttp browser, String login) {
        ParleyHttp.Page page = browser.browse(browser.base().resolve("signin/oidc"));
        if (!isLoginForm(page)) {
            return page;
        }
        return browser.submit(page.formAction(), Map.of("prompt", "login", "login", login, "password", "any"));
    }

    /** Whether the browser is looking at this provider's login form. */
    public boolean isLoginForm(ParleyHttp.Page page) {
        return page.uri().getPort() == issuer.getPort() && page.body().contains("name=\"login\"");
    }

    public URI issuer() {
        return issuer;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(log) && Files.readString(log).contains("ready at")) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the test identity provider exited:\n" + Files.readString(log));
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the test identity provider did not start; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
