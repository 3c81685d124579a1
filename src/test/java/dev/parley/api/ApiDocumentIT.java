package dev.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document Parley serves at {@code /openapi} and docs/protocol.md name the same calls: other clients
 * are written from either, so a call added to one and not the other fails here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiDocumentIT {

    /** "GET /api/rooms/{id}/messages" in the document's headings: the method, then the path up to "?", ":" or ",". */
    private static final Pattern CALL = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (/api/[^\\s?:,]*)");

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("api-document").archive();
    }

    @ArquillianResource
    URL url;

    @Test
    void theServedDocumentAndProtocolMdNameTheSameCalls() throws Exception {
        ParleyHttp reader = ParleyHttp.newUser(url.toURI(), Names.unique("reader"));
        JsonObject document = reader.get("openapi?format=JSON").expect(200).json();
        assertEquals("Parley", document.getJsonObject("info").getString("title"));

        Set<String> served = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, operations) -> operations.asJsonObject().forEach(
                (method, operation) -> {
                    if (path.startsWith("/api/")) {
                        served.add(method.toUpperCase(Locale.ROOT) + " " + normalised(path));
                        assertFalse(operation.asJsonObject().getString("summary", "").isBlank(),
                                () -> method + " " + path + " has no summary");
                    }
                }));
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("docs/protocol.md"))) {
            if (line.startsWith("### ")) {
                Matcher call = CALL.matcher(line);
                while (call.find()) {
                    documented.add(call.group(1) + " " + normalised(call.group(2)));
                }
            }
        }
        assertTrue(served.size() > 20, () -> "the document lists Parley's calls: " + served);
        assertEquals(documented, served, "docs/protocol.md headings vs the served OpenAPI document");

        assertEquals(302, new ParleyHttp(url.toURI()).get("openapi").status(), "for signed-in people only");
    }

    /** Path parameters named differently in the two ({id}, {room}) are the same call. */
    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
