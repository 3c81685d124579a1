package dev.parley.realtime;

import static dev.parley.realtime.JsonCodec.JSON;

import dev.parley.message.MessagePosted;
import dev.parley.message.MessageView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/** Bus events as JSON, for the Redis bus. Only nodes of the same version read these; clients never see them. */
final class BusCodec {

    private BusCodec() {
    }

    static String encode(BusEvent event) {
        if (event instanceof BusEvent.MessageEvent posted) {
            MessageView m = posted.posted().message();
            return JSON.createObjectBuilder().add("kind", "message")
                    .add("id", m.id()).add("room", m.room()).add("sender", m.sender()).add("body", m.body())
                    .add("sentAt", m.sentAt()).add("clientId", m.clientId())
                    .add("previousId", posted.posted().previousId())
                    .add("members", array(posted.posted().members()))
                    .build().toString();
        }
        if (event instanceof BusEvent.PresenceEvent presence) {
            return JSON.createObjectBuilder().add("kind", "presence").add("user", presence.user())
                    .add("online", presence.online()).build().toString();
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

    static BusEvent decode(String text) {
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        return switch (json.getString("kind")) {
            case "message" -> new BusEvent.MessageEvent(new MessagePosted(
                    new MessageView(json.getJsonNumber("id").longValue(), json.getString("room"),
                            json.getString("sender"), json.getString("body"), json.getString("sentAt"),
                            json.getString("clientId")),
                    json.getJsonNumber("previousId").longValue(), strings(json, "members")));
            case "presence" -> new BusEvent.PresenceEvent(json.getString("user"), json.getBoolean("online"));
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
