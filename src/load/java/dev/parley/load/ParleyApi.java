package dev.parley.load;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Parley's HTTP API as the load tool uses it: one shared {@link HttpClient} for every user (each call carries
 * its user's session cookie itself), so a thousand users cost no more threads than one.
 */
final class ParleyApi {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    ParleyApi(URI base, HttpClient http) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = http;
    }

    URI base() {
        return base;
    }

    /** What a browser on Parley's own pages sends as Origin: scheme, host and port. */
    String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    URI webSocketEndpoint() {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve("ws");
    }

    record Reply(int status, String body, String sessionCookie) {
        JsonObject json() {
            return JSON.createReader(new StringReader(body)).readObject();
        }

        JsonArray jsonArray() {
            return JSON.createReader(new StringReader(body)).readArray();
        }

        String errorCode() {
            try {
                return json().getString("error", "http_" + status);
            } catch (RuntimeException notJson) {
                return "http_" + status;
            }
        }
    }

    Reply register(String username, String password) {
        return call("POST", "api/accounts", null, JSON.createObjectBuilder().add("username", username)
                .add("password", password).build());
    }

    Reply signIn(String username, String password) {
        return call("POST", "api/session", null, JSON.createObjectBuilder().add("username", username)
                .add("password", password).build());
    }

    Reply me(String cookie) {
        return call("GET", "api/me", cookie, null);
    }

    Reply rooms(String cookie) {
        return call("GET", "api/rooms", cookie, null);
    }

    Reply createRoom(String cookie, String name, List<String> members) {
        var memberArray = JSON.createArrayBuilder();
        members.forEach(memberArray::add);
        return call("POST", "api/rooms", cookie, JSON.createObjectBuilder().add("name", name)
                .add("members", memberArray).build());
    }

    Reply direct(String cookie, String username) {
        return call("POST", "api/direct/" + segment(username), cookie, null);
    }

    /** A history page, asynchronously (the history readers must not hold a thread each). */
    CompletableFuture<HttpResponse<String>> history(String cookie, String room, Long before, int limit) {
        String path = "api/rooms/" + segment(room) + "/messages?limit=" + limit + (before == null ? "" : "&before=" + before);
        return http.sendAsync(request("GET", path, cookie, null), HttpResponse.BodyHandlers.ofString());
    }

    /** A reaction to a message, asynchronously (the pacer thread must not wait for it). */
    CompletableFuture<HttpResponse<String>> react(String cookie, String room, long message, String emoji) {
        String path = "api/rooms/" + segment(room) + "/messages/" + message + "/reactions/" + segment(emoji);
        return http.sendAsync(request("PUT", path, cookie, null), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> members(JsonObject room) {
        return room.getJsonArray("members").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private Reply call(String method, String path, String cookie, JsonValue body) {
        try {
            HttpResponse<String> response = http.send(request(method, path, cookie, body),
                    HttpResponse.BodyHandlers.ofString());
            // The session (this node's) and the sign-in (every node's): with both, any node takes the user.
            String session = response.headers().allValues("Set-Cookie").stream()
                    .filter(header -> header.startsWith("JSESSIONID=") || header.startsWith("parley_signin="))
                    .map(header -> header.split(";", 2)[0]).reduce((a, b) -> a + "; " + b).orElse(null);
            return new Reply(response.statusCode(), response.body(), session);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private HttpRequest request(String method, String path, String cookie, JsonValue body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        return request.build();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
