package dev.parley.file;

import static dev.parley.testing.ChatSocket.has;
import static dev.parley.testing.ChatSocket.ofType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ChatSocket;
import dev.parley.testing.Json;
import dev.parley.testing.Names;
import dev.parley.testing.ParleyDeployment;
import dev.parley.testing.ParleyHttp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files on the embedded defaults (a directory beside the SQLite file), with a 1 MB limit so the limit is quick to
 * reach: members upload, a message takes the files, every member's tabs see them, only members read them, and
 * nothing uploaded is served as something that could run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilesIT {

    /** A 1x1 transparent PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("files").with("parley.files.max-size-mb", "1").archive();
    }

    @ArquillianResource
    URL url;

    ParleyHttp alice;
    ParleyHttp bob;
    ParleyHttp mallory;
    String room;

    @BeforeEach
    void aRoomOfTwo() throws Exception {
        URI base = url.toURI();
        alice = ParleyHttp.newUser(base, Names.unique("alice"));
        bob = ParleyHttp.newUser(base, Names.unique("bob"));
        mallory = ParleyHttp.newUser(base, Names.unique("mallory"));
        room = alice.createRoom("Designs", List.of(bob.username())).expect(201).json().getString("id");
    }

    private JsonObject uploaded(ParleyHttp who, String name, String type, byte[] bytes) {
        return who.upload("api/rooms/" + room + "/files?name=" + name, type, bytes).expect(201).json();
    }

    private static String send(ChatSocket socket, String room, String body, List<String> files) {
        String clientId = ChatSocket.clientId();
        socket.send(Json.obj("type", "send", "room", room, "clientId", clientId, "body", body, "files", files));
        return clientId;
    }

    @Test
    void aMessageTakesItsFilesAndEveryMemberSeesAndReadsThem() {
        byte[] notes = "<script>alert(1)</script> plans".getBytes(StandardCharsets.UTF_8);
        JsonObject image = uploaded(alice, "mock-up.png", "image/png", PNG);
        JsonObject html = uploaded(alice, "notes.html", "text/html; charset=utf-8", notes);
        assertEquals("mock-up.png", image.getString("name"));
        assertEquals("image/png", image.getString("contentType"));
        assertEquals(PNG.length, image.getJsonNumber("size").longValue());
        assertEquals("text/html", html.getString("contentType"));
        String imageId = image.getString("id");
        assertEquals("unknown_file", bob.get("api/files/" + imageId).errorCode(), "no message has it yet");

        try (ChatSocket alicesSocket = ChatSocket.open(alice); ChatSocket bobsSocket = ChatSocket.open(bob)) {
            alicesSocket.await("ready");
            bobsSocket.await("ready");
            String clientId = send(alicesSocket, room, "", List.of(imageId, html.getString("id")));
            alicesSocket.await(ofType("ack").and(has("clientId", clientId)));
            JsonObject seen = bobsSocket.await(ofType("message").and(has("clientId", clientId)));
            assertEquals("", seen.getString("body"), "files say enough without words");
            assertEquals(List.of("mock-up.png", "notes.html"), seen.getJsonArray("files").getValuesAs(JsonObject.class)
                    .stream().map(file -> file.getString("name")).toList());

            String again = send(alicesSocket, room, "the same file again", List.of(imageId));
            assertEquals("unknown_file", alicesSocket.await(ofType("error").and(has("clientId", again)))
                    .getString("code"), "a file goes with one message");
            String stolen = send(bobsSocket, room, "mine now", List.of(html.getString("id")));
            assertEquals("unknown_file", bobsSocket.await(ofType("error").and(has("clientId", stolen)))
                    .getString("code"));
        }

        HttpResponse<byte[]> shown = bob.download("api/files/" + imageId);
        assertEquals(200, shown.statusCode());
        assertArrayEquals(PNG, shown.body());
        assertEquals("image/png", shown.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(shown.headers().firstValue("Content-Disposition").orElseThrow().startsWith("inline"));
        assertEquals("nosniff", shown.headers().firstValue("X-Content-Type-Options").orElseThrow());

        HttpResponse<byte[]> page = bob.download("api/files/" + html.getString("id"));
        assertArrayEquals(notes, page.body());
        assertEquals("application/octet-stream", page.headers().firstValue("Content-Type").orElseThrow(),
                "an uploaded page is never served as a page");
        assertEquals("attachment; filename*=UTF-8''notes.html",
                page.headers().firstValue("Content-Disposition").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        assertTrue(bob.download("api/files/" + imageId + "?download=true").headers()
                .firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));

        assertEquals("unknown_file", mallory.get("api/files/" + imageId).errorCode(), "members only");
        JsonObject inHistory = bob.history(room, null, null).expect(200).jsonArray().getJsonObject(0);
        assertEquals(2, inHistory.getJsonArray("files").size(), "history pages carry files");

        long message = inHistory.getJsonNumber("id").longValue();
        alice.delete("api/rooms/" + room + "/messages/" + message).expect(204);
        assertEquals("unknown_file", bob.get("api/files/" + imageId).errorCode(), "deleted with its message");
        assertFalse(bob.history(room, null, null).expect(200).jsonArray().getJsonObject(0).containsKey("files"));
    }

    @Test
    void onlyMembersUploadAndNothingOverTheLimitIsKept() {
        assertEquals("not_member", mallory.upload("api/rooms/" + room + "/files?name=x.png", "image/png", PNG)
                .errorCode());
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        new Random(3).nextBytes(tooLarge);
        ParleyHttp.Reply refused = alice.upload("api/rooms/" + room + "/files?name=big.bin",
                "application/octet-stream", tooLarge);
        assertEquals(413, refused.status());
        assertEquals("too_large", refused.errorCode());
        assertEquals("invalid", alice.upload("api/rooms/" + room + "/files?name=empty.txt", "text/plain", new byte[0])
                .errorCode());
        JsonObject oddName = uploaded(alice, "C%3A%5Cwork%5Cpasswd", "TEXT/Plain; charset=UTF-8",
                "x".getBytes(StandardCharsets.UTF_8));
        assertEquals("passwd", oddName.getString("name"), "a name is never a path");
        assertEquals("text/plain", oddName.getString("contentType"));
    }

    @Test
    void uploadsThatNoMessageTakesAreCapped() throws Exception {
        ParleyHttp hoarder = ParleyHttp.newUser(url.toURI(), Names.unique("hoarder"));
        String theirs = hoarder.createRoom("Attic", List.of()).expect(201).json().getString("id");
        for (int i = 0; i < 20; i++) {
            hoarder.upload("api/rooms/" + theirs + "/files?name=box-" + i + ".txt", "text/plain",
                    ("box " + i).getBytes(StandardCharsets.UTF_8)).expect(201);
        }
        ParleyHttp.Reply refused = hoarder.upload("api/rooms/" + theirs + "/files?name=one-more.txt", "text/plain",
                "more".getBytes(StandardCharsets.UTF_8));
        assertEquals(429, refused.status());
        assertEquals("rate_limited", refused.errorCode());
        assertTrue(refused.json().getString("message").contains("no message took"), refused.body());
        assertEquals(201, alice.upload("api/rooms/" + room + "/files?name=mine.txt", "text/plain",
                "ok".getBytes(StandardCharsets.UTF_8)).status(), "a limit of one person's own");
    }
}
