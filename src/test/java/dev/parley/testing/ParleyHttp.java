package dev.parley.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One browser talking to Parley's HTTP API: its own cookie jar, so each instance is one user
 * (or an anonymous visitor until it signs in).
 *
 * <p>Calls never throw on an error status; they return a {@link Reply} for the test to judge.
 * Paths are relative to the base URI, so a deployment under a context root works unchanged.
 */
public final class ParleyHttp {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final LoopbackCookies cookies;
    private final HttpClient client;
    private volatile String username;
    private volatile String bearer;

    /** An anonymous browser pointed at Parley's base URI, e.g. {@code http://127.0.0.1:8123/}. */
    public ParleyHttp(URI base) {
        this(base, new LoopbackCookies());
    }

    private ParleyHttp(URI base, LoopbackCookies cookies) {
        this.base = withTrailingSlash(base);
        this.cookies = cookies;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(CONNECT_TIMEOUT)
                // Parley must answer 401 as JSON, never redirect; following redirects would hide that.
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: the default HTTP/2 preference adds an h2c upgrade attempt to the first request.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Registers {@code username} with {@link #passwordFor} and a capitalised display name, then signs in. */
    public static ParleyHttp newUser(URI base, String username) {
        ParleyHttp user = new ParleyHttp(base);
        Reply registered = user.register(username, passwordFor(username), capitalise(username));
        assertEquals(201, registered.status(), () -> "registering " + username + ": " + registered);
        user.signInAsserting(username);
        return user;
    }

    /** A second browser (another device) for a user created by {@link #newUser}, already signed in. */
    public static ParleyHttp signedIn(URI base, String username) {
        ParleyHttp browser = new ParleyHttp(base);
        browser.signInAsserting(username);
        return browser;
    }

    /**
     * The same browser, cookies and all, reaching another node under this one's host name: what a load balancer
     * does when this one's node dies (browsers keep cookies per host, whatever the port; the nodes of a test are
     * all on loopback, some called localhost and some 127.0.0.1).
     */
    public ParleyHttp at(URI otherNode) {
        URI sameHost = URI.create(otherNode.getScheme() + "://" + base.getHost() + ":" + otherNode.getPort()
                + otherNode.getRawPath());
        ParleyHttp moved = new ParleyHttp(sameHost, cookies);
        moved.username = username;
        moved.bearer = bearer;
        return moved;
    }

    /** Another browser holding a copy of this one's cookies as they are now: what someone who stole them has. */
    public ParleyHttp withCopiedCookies() {
        ParleyHttp copy = new ParleyHttp(base, cookies.copy());
        copy.username = username;
        return copy;
    }

    /** A bot: no cookies, every request (and WebSocket handshake) carries {@code Authorization: Bearer <token>}. */
    public static ParleyHttp withToken(URI base, String token) {
        ParleyHttp bot = new ParleyHttp(base);
        bot.bearer = token;
        return bot;
    }

    /** The token this client sends, or null for a browser-like client with a session cookie. */
    public String bearer() {
        return bearer;
    }

    /** The password {@link #newUser} registers, so a test can sign the same user in elsewhere. */
    public static String passwordFor(String username) {
        return "correct-horse-" + username;
    }

    public URI base() {
        return base;
    }

    /** The user this browser last signed in as, or null while anonymous. */
    public String username() {
        return username;
    }

    public Reply register(String username, String password, String displayName) {
        return post("api/accounts", Json.obj("username", username, "password", password, "displayName", displayName));
    }

    public Reply signIn(String username, String password) {
        Reply reply = post("api/session", Json.obj("username", username, "password", password));
        if (reply.status() == 200) {
            this.username = username.toLowerCase(Locale.ROOT);
        }
        return reply;
    }

    public Reply signOut() {
        Reply reply = delete("api/session");
        if (reply.status() == 204) {
            this.username = null;
        }
        return reply;
    }

    public Reply me() {
        return get("api/me");
    }

    public Reply users() {
        return get("api/users");
    }

    /** Opens (or finds) the private room of this user and {@code username}. */
    public Reply direct(String username) {
        return post("api/direct/" + segment(username), null);
    }

    public Reply createRoom(String name, List<String> members) {
        return post("api/rooms", Json.obj("name", name, "members", members));
    }

    public Reply rooms() {
        return get("api/rooms");
    }

    /** A page of a room's history; {@code before} and {@code limit} are left out of the query when null. */
    public Reply history(String roomId, Long before, Integer limit) {
        List<String> query = new ArrayList<>();
        if (before != null) {
            query.add("before=" + before);
        }
        if (limit != null) {
            query.add("limit=" + limit);
        }
        String path = "api/rooms/" + segment(roomId) + "/messages";
        return get(query.isEmpty() ? path : path + "?" + String.join("&", query));
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    /** POSTs {@code body} as application/json, or an empty body when it is null. */
    public Reply post(String path, JsonValue body) {
        return send("POST", path, body);
    }

    /** PATCHes {@code body} as application/json. */
    public Reply patch(String path, JsonValue body) {
        return send("PATCH", path, body);
    }

    /** PUTs with an empty body. */
    public Reply put(String path) {
        return send("PUT", path, null);
    }

    /** PUTs {@code body} as application/json. */
    public Reply put(String path, JsonValue body) {
        return send("PUT", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * Opens {@code uri} as a browser's address bar would (any host: an identity provider too, sharing this cookie
     * jar), following redirects until a page answers, at most 10 of them.
     */
    public Page browse(URI uri) {
        return follow(HttpRequest.newBuilder(uri).GET(), uri);
    }

    /** Submits a form ({@code application/x-www-form-urlencoded}) as a browser would, then follows redirects. */
    public Page submit(URI action, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)), action);
    }

    /** Records who a sign-in outside {@link #signIn} (a company sign-in) made this browser. */
    public void signedInAs(String username) {
        this.username = username;
    }

    private Page follow(HttpRequest.Builder first, URI uri) {
        HttpRequest.Builder request = first;
        try {
            for (int hop = 0; hop <= 10; hop++) {
                HttpResponse<String> response = client.send(request.timeout(REQUEST_TIMEOUT)
                        .header("Accept", "text/html").build(), BodyHandlers.ofString());
                var location = response.headers().firstValue("Location");
                if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                    return new Page(uri, response.statusCode(), response.body());
                }
                uri = uri.resolve(location.get());
                request = HttpRequest.newBuilder(uri).GET();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("browsing " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted browsing " + uri, e);
        }
        throw new IllegalStateException("more than 10 redirects, last to " + uri);
    }

    /**
     * The Cookie header a browser would send to the base URI ("a=b; c=d"), or "" when there are none.
     * {@link ChatSocket} sends it with the handshake, since the WebSocket uses its own HTTP client.
     */
    public String sessionCookie() {
        try {
            Map<String, List<String>> headers = cookies.get(base, Map.of());
            return String.join("; ", headers.getOrDefault("Cookie", List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "ParleyHttp[" + (username == null ? "anonymous" : username) + " at " + base + "]";
    }

    private void signInAsserting(String username) {
        Reply signedIn = signIn(username, passwordFor(username));
        assertEquals(200, signedIn.status(), () -> "signing in " + username + ": " + signedIn);
    }

    /** GETs {@code path} as plain text (Prometheus' format, say), with this browser's cookies. */
    public Reply getText(String path) {
        return send("GET", path, null, "text/plain");
    }

    /** POSTs {@code bytes} as they are, with {@code contentType}: a file upload. */
    public Reply upload(String path, String contentType, byte[] bytes) {
        return upload("POST", path, contentType, bytes);
    }

    /** Sends {@code bytes} as they are with {@code method} ({@code PUT} a picture, say). */
    public Reply upload(String method, String path, String contentType, byte[] bytes) {
        HttpResponse<String> response = exchange(method, path, HttpRequest.newBuilder(resolve(path))
                .header("Accept", "application/json").header("Content-Type", contentType)
                .method(method, BodyPublishers.ofByteArray(bytes)), BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    /** GETs {@code path} as bytes, headers and all: a downloaded file. */
    public HttpResponse<byte[]> download(String path) {
        return exchange("GET", path, HttpRequest.newBuilder(resolve(path)).GET(), BodyHandlers.ofByteArray());
    }

    private Reply send(String method, String path, JsonValue body) {
        return send(method, path, body, "application/json");
    }

    private Reply send(String method, String path, JsonValue body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).header("Accept", accept);
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = exchange(method, path, request, BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    /** Sends the request with this client's token, if any, and the usual timeout; failures fail the test. */
    private <T> HttpResponse<T> exchange(String method, String path, HttpRequest.Builder request,
            HttpResponse.BodyHandler<T> answer) {
        request.timeout(REQUEST_TIMEOUT);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return client.send(request.build(), answer);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    /** A leading "/" is dropped so that the path stays under the base (and its context root). */
    private URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Room ids are opaque, so they are percent-encoded as one path segment. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI withTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /**
     * A browser's cookie jar: browsers keep {@code Secure} cookies from http://127.0.0.1 (a loopback origin counts as
     * secure), java.net's cookie manager drops them on plain HTTP. Keycloak marks its sign-in cookies Secure.
     */
    private static final class LoopbackCookies extends java.net.CookieHandler {

        private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        LoopbackCookies copy() {
            LoopbackCookies copy = new LoopbackCookies();
            var store = jar.getCookieStore();
            store.getURIs().forEach(uri -> store.get(uri).forEach(cookie -> copy.jar.getCookieStore().add(uri, cookie)));
            return copy;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return jar.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            if (!"127.0.0.1".equals(uri.getHost())) {
                jar.put(uri, responseHeaders);
                return;
            }
            Map<String, List<String>> kept = new java.util.HashMap<>(responseHeaders);
            kept.replaceAll((name, values) -> name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(cookie -> cookie.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()
                    : values);
            jar.put(uri, kept);
        }
    }

    /** A page a browser ended on: where, its status and its HTML. */
    public record Page(URI uri, int status, String body) {

        /** The {@code action} of the page's first form, resolved against the page's address. */
        public URI formAction() {
            java.util.regex.Matcher action = java.util.regex.Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"")
                    .matcher(body);
            if (!action.find()) {
                throw new AssertionError("no form on " + uri + ":\n" + body);
            }
            return uri.resolve(action.group(1).replace("&amp;", "&"));
        }
    }

    /** An HTTP answer: the status and the raw body, with readers for the JSON shapes Parley uses. */
    public record Reply(int status, String body) {

        /** Fails the test, showing the body, unless the status is {@code expected}; returns this for chaining. */
        public Reply expect(int expected) {
            assertEquals(expected, status, () -> "unexpected status, body: " + body);
            return this;
        }

        /** The body as a JSON object; fails the test, showing the reply, when it is not one. */
        public JsonObject json() {
            return as(JsonObject.class);
        }

        /** The body as a JSON array; fails the test, showing the reply, when it is not one. */
        public JsonArray jsonArray() {
            return as(JsonArray.class);
        }

        /** The body as a JSON array of objects (a list Parley answers with). */
        public List<JsonObject> objects() {
            return jsonArray().getValuesAs(JsonObject.class);
        }

        /** The {@code error} code of a Parley error body, or null when the object has none. */
        public String errorCode() {
            return json().getString("error", null);
        }

        private <T extends JsonValue> T as(Class<T> shape) {
            JsonValue value;
            try {
                value = Json.parse(body);
            } catch (JsonException e) {
                throw new AssertionError("expected a JSON " + shapeName(shape) + " but the body is not JSON: " + this, e);
            }
            if (!shape.isInstance(value)) {
                throw new AssertionError("expected a JSON " + shapeName(shape) + ": " + this);
            }
            return shape.cast(value);
        }

        private static String shapeName(Class<?> shape) {
            return shape == JsonObject.class ? "object" : "array";
        }
    }
}
