package dev.parley.realtime;

import static dev.parley.realtime.SharedJsonProvider.JSON;

import dev.parley.file.FileView;
import dev.parley.message.MessagePosted;
import dev.parley.message.MessageView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/**
 * Bus events as text, for the Redis bus. Only nodes of the same version read these; clients never see them.
 * Messages, nearly all the traffic, have a compact form of their own (see {@link #encodeMessage}); the rest is
 * JSON.
 */
final class BusCodec {

    private static final char MESSAGE = 'M';

    private BusCodec() {
    }

    /** A message as it crosses the bus: its members only as a fingerprint, which the receiving node resolves. */
    record WireMessage(MessageView message, long previousId, long membersHash) {
    }

    /**
     * {@code M}, then the numbers each ended by {@code ;} (id, previous id, members fingerprint, thread or 0) and
     * the texts each as length, {@code :}, characters (room, sender, time, client id, body, files): no escaping,
     * no parser, no member names (a fingerprint of them instead). Measured against JSON-P with the
     * names of 100 members: this is what let the Redis bus keep up (docs/performance.md).
     */
    static String encodeMessage(MessagePosted posted) {
        MessageView m = posted.message();
        StringBuilder text = new StringBuilder(64 + m.body().length()).append(MESSAGE);
        number(text, m.id());
        number(text, posted.previousId());
        number(text, MemberSetHash.of(posted.members()));
        number(text, m.thread() == null ? 0 : m.thread());
        for (String field : new String[] {m.room(), m.sender(), m.sentAt(), m.clientId(), m.body(), files(m)}) {
            text.append(field.length()).append(':').append(field);
        }
        return text.toString();
    }

    static boolean isMessage(String text) {
        return !text.isEmpty() && text.charAt(0) == MESSAGE;
    }

    static WireMessage decodeMessage(String text) {
        Reader reader = new Reader(text, 1);
        long id = reader.number();
        long previousId = reader.number();
        long hash = reader.number();
        long thread = reader.number();
        String room = reader.text();
        String sender = reader.text();
        String sentAt = reader.text();
        String clientId = reader.text();
        String body = reader.text();
        String files = reader.text();
        return new WireMessage(new MessageView(id, room, sender, body, sentAt, clientId, thread == 0 ? null : thread)
                .withFiles(files(files)), previousId, hash);
    }

    /** A message's files as one text: empty for none (nearly every message), else a JSON array. */
    private static String files(MessageView message) {
        if (message.files() == null) {
            return "";
        }
        JsonArrayBuilder files = JSON.createArrayBuilder();
        for (FileView file : message.files()) {
            files.add(JSON.createObjectBuilder().add("id", file.id()).add("name", file.name())
                    .add("contentType", file.contentType()).add("size", file.size()));
        }
        return files.build().toString();
    }

    private static List<FileView> files(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(file -> new FileView(file.getString("id"), file.getString("name"),
                            file.getString("contentType"), file.getJsonNumber("size").longValue()))
                    .toList();
        }
    }

    private static void number(StringBuilder text, long value) {
        text.append(value).append(';');
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text, int at) {
            this.text = text;
            this.at = at;
        }

        long number() {
            int end = text.indexOf(';', at);
            long value = Long.parseLong(text, at, end, 10);
            at = end + 1;
            return value;
        }

        String text() {
            int colon = text.indexOf(':', at);
            int length = Integer.parseInt(text, at, colon, 10);
            at = colon + 1 + length;
            return text.substring(colon + 1, at);
        }
    }

    static String encode(BusEvent event) {
        if (event instanceof BusEvent.MessageEvent posted) {
            return encodeMessage(posted.posted());
        }
        if (event instanceof BusEvent.PresenceEvent presence) {
            return JSON.createObjectBuilder().add("kind", "presence").add("user", presence.user())
                    .add("online", presence.online()).build().toString();
        }
        if (event instanceof BusEvent.Broadcast broadcast) {
            return JSON.createObjectBuilder().add("kind", "broadcast").add("frame", broadcast.frame()).build()
                    .toString();
        }
        if (event instanceof BusEvent.ShutOut shutOut) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("kind", "shut-out").add("user", shutOut.user())
                    .add("code", shutOut.code()).add("reason", shutOut.reason());
            if (shutOut.signInId() != null) {
                json.add("signInId", shutOut.signInId());
            }
            return json.build().toString();
        }
        if (event instanceof BusEvent.Notice notice) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("kind", "notice")
                    .add("users", array(notice.users())).add("frame", notice.frame())
                    .add("joinedAfter", notice.joinedAfter());
            if (notice.exceptConnection() != null) {
                json.add("exceptConnection", notice.exceptConnection());
            }
            if (notice.joinedRoom() != null) {
                json.add("joinedRoom", notice.joinedRoom());
            }
            if (notice.leftRoom() != null) {
                json.add("leftRoom", notice.leftRoom());
            }
            return json.build().toString();
        }
        throw new IllegalArgumentException("No encoding for " + event);
    }

    /** Any event but a message (see {@link #decodeMessage}). */
    static BusEvent decode(String text) {
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        return switch (json.getString("kind")) {
            case "presence" -> new BusEvent.PresenceEvent(json.getString("user"), json.getBoolean("online"));
            case "broadcast" -> new BusEvent.Broadcast(json.getString("frame"));
            case "shut-out" -> new BusEvent.ShutOut(json.getString("user"), json.getString("signInId", null),
                    json.getInt("code"), json.getString("reason"));
            case "notice" -> new BusEvent.Notice(strings(json, "users"), json.getString("frame"),
                    json.getString("exceptConnection", null), json.getString("joinedRoom", null),
                    json.getJsonNumber("joinedAfter").longValue(), json.getString("leftRoom", null));
            default -> throw new IllegalArgumentException("Unknown bus event " + text);
        };
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonObject json, String field) {
        return json.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
