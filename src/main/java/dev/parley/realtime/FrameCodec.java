package dev.parley.realtime;

import static dev.parley.realtime.SharedJsonProvider.JSON;

import dev.parley.file.FileClaims;
import dev.parley.file.FileView;
import dev.parley.message.MessageView;
import dev.parley.message.ReactionView;
import dev.parley.platform.TextRules;
import dev.parley.room.RoomIds;
import dev.parley.room.RoomView;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place frames become JSON and JSON becomes frames. Decoding checks shape and types only and names
 * what is wrong; whether a room exists or a body is too long is the services' business.
 */
final class FrameCodec {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** More rooms than anyone belongs to; a resume listing more is refused whole. */
    static final int MAX_RESUME_ROOMS = 10_000;

    private FrameCodec() {
    }

    static ClientFrame decode(String text) throws MalformedFrame {
        JsonObject json = parseObject(text);
        String type = string(json, "type");
        return switch (type) {
            case "send" -> new ClientFrame.Send(string(json, "room"), string(json, "clientId"), string(json, "body"),
                    optionalId(json, "thread"), fileIds(json));
            case "resume" -> new ClientFrame.Resume(lastSeenIds(json), changesSeen(json));
            case "typing" -> new ClientFrame.Typing(string(json, "room"));
            case "read" -> new ClientFrame.Read(string(json, "room"), id(json, "upTo"));
            case "ping" -> new ClientFrame.Ping();
            default -> throw new MalformedFrame("Unknown frame type '" + TextRules.excerpt(type, 40) + "'");
        };
    }

    private static JsonObject parseObject(String text) throws MalformedFrame {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedFrame("A frame is one JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedFrame("A frame is one JSON object; this is not valid JSON");
        }
    }

    private static String string(JsonObject json, String field) throws MalformedFrame {
        if (json.get(field) instanceof JsonString text) {
            return text.getString();
        }
        throw new MalformedFrame("The frame needs a string '" + field + "'");
    }

    private static long id(JsonObject json, String field) throws MalformedFrame {
        return nonNegativeInteger(json.get(field), "The frame needs a message id '" + field + "'");
    }

    /** {@code files}: absent, or an array of at most {@link FileClaims#MAX_PER_MESSAGE} file ids. */
    private static List<String> fileIds(JsonObject json) throws MalformedFrame {
        JsonValue value = json.get("files");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > FileClaims.MAX_PER_MESSAGE
                || !array.stream().allMatch(id -> id instanceof JsonString text && text.getString().length() <= 64)) {
            throw new MalformedFrame("'files' is an array of at most " + FileClaims.MAX_PER_MESSAGE + " file ids");
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).distinct().toList();
    }

    private static Long optionalId(JsonObject json, String field) throws MalformedFrame {
        JsonValue value = json.get(field);
        return value == null || value == JsonValue.NULL ? null : id(json, field);
    }

    private static long nonNegativeInteger(JsonValue value, String problem) throws MalformedFrame {
        if (value instanceof JsonNumber number && number.isIntegral() && number.bigIntegerValue().signum() >= 0
                && number.bigIntegerValue().bitLength() < 64) {
            return number.longValue();
        }
        throw new MalformedFrame(problem);
    }

    private static Map<String, Long> lastSeenIds(JsonObject json) throws MalformedFrame {
        if (!(json.get("rooms") instanceof JsonObject rooms)) {
            throw new MalformedFrame("resume needs 'rooms': an object of room id to last seen message id");
        }
        return numbersByRoom(rooms, "the last seen id");
    }

    /** {@code changes}: absent, or an object of room id to the last number of its change log the client has. */
    private static Map<String, Long> changesSeen(JsonObject json) throws MalformedFrame {
        JsonValue value = json.get("changes");
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject rooms)) {
            throw new MalformedFrame("resume: 'changes' is an object of room id to the last change number seen");
        }
        return numbersByRoom(rooms, "the last change number");
    }

    private static Map<String, Long> numbersByRoom(JsonObject rooms, String what) throws MalformedFrame {
        if (rooms.size() > MAX_RESUME_ROOMS) {
            throw new MalformedFrame("resume lists at most " + MAX_RESUME_ROOMS + " rooms");
        }
        Map<String, Long> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> room : rooms.entrySet()) {
            numbers.put(room.getKey(), nonNegativeInteger(room.getValue(), "resume: " + what + " of room "
                    + TextRules.excerpt(room.getKey(), RoomIds.MAX_LENGTH) + " must be a whole number >= 0"));
        }
        return numbers;
    }

    static String encode(ServerFrame frame) {
        if (frame instanceof ServerFrame.Message message) {
            return message(message.message());
        }
        if (frame instanceof ServerFrame.Ack ack) {
            return ack(ack);
        }
        return object(frame).build().toString();
    }

    /*
     * The two frames every message costs (its delivery and its ack) are written by hand: through JSON-P builders
     * each took several times as long, and they are encoded thousands of times a second under load.
     */

    private static String message(MessageView message) {
        StringBuilder json = new StringBuilder(128 + message.body().length());
        json.append("{\"type\":\"message\",\"id\":").append(message.id());
        field(json, "room", message.room());
        field(json, "sender", message.sender());
        field(json, "body", message.body());
        field(json, "sentAt", message.sentAt());
        field(json, "clientId", message.clientId());
        if (message.thread() != null) {
            json.append(",\"thread\":").append(message.thread());
        }
        if (message.files() != null) {
            json.append(",\"files\":[");
            for (int i = 0; i < message.files().size(); i++) {
                FileView file = message.files().get(i);
                json.append(i == 0 ? "{\"id\":" : ",{\"id\":");
                quote(json, file.id());
                field(json, "name", file.name());
                field(json, "contentType", file.contentType());
                json.append(",\"size\":").append(file.size()).append('}');
            }
            json.append(']');
        }
        if (message.editedAt() != null) {
            field(json, "editedAt", message.editedAt());
        }
        if (Boolean.TRUE.equals(message.deleted())) {
            json.append(",\"deleted\":true");
        }
        if (Boolean.TRUE.equals(message.moderated())) {
            json.append(",\"moderated\":true");
        }
        return json.append('}').toString();
    }

    private static String ack(ServerFrame.Ack ack) {
        StringBuilder json = new StringBuilder(160).append("{\"type\":\"ack\"");
        field(json, "clientId", ack.clientId());
        json.append(",\"id\":").append(ack.id());
        field(json, "room", ack.room());
        field(json, "sentAt", ack.sentAt());
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(",\"").append(name).append("\":");
        quote(json, value);
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped, everything else as it is. */
    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static JsonObjectBuilder object(ServerFrame frame) {
        if (frame instanceof ServerFrame.Presence presence) {
            return typed("presence").add("user", presence.user()).add("online", presence.online());
        }
        if (frame instanceof ServerFrame.Profile profile) {
            JsonObjectBuilder json = typed("profile").add("user", profile.user())
                    .add("displayName", profile.displayName());
            if (profile.status() != null) {
                json.add("status", profile.status());
            }
            return profile.avatar() == null ? json : json.add("avatar", profile.avatar());
        }
        if (frame instanceof ServerFrame.Typing typing) {
            return typed("typing").add("room", typing.room()).add("user", typing.user());
        }
        if (frame instanceof ServerFrame.Error error) {
            JsonObjectBuilder json = typed("error").add("code", error.code().code()).add("message", error.message());
            if (error.clientId() != null) {
                json.add("clientId", error.clientId());
            }
            if (error.room() != null) {
                json.add("room", error.room());
            }
            return json;
        }
        if (frame instanceof ServerFrame.Changed changed) {
            MessageView message = changed.message();
            if (Boolean.TRUE.equals(message.deleted())) {
                JsonObjectBuilder deleted = typed("deleted").add("room", message.room()).add("id", message.id());
                return (Boolean.TRUE.equals(message.moderated()) ? deleted.add("moderated", true) : deleted)
                        .add("seq", changed.seq());
            }
            return typed("edited").add("room", message.room()).add("id", message.id()).add("body", message.body())
                    .add("editedAt", message.editedAt()).add("seq", changed.seq());
        }
        if (frame instanceof ServerFrame.Room room) {
            return typed("room").add("room", room(room.room()));
        }
        if (frame instanceof ServerFrame.Reactions reactions) {
            JsonArrayBuilder all = JSON.createArrayBuilder();
            for (ReactionView reaction : reactions.reactions()) {
                JsonArrayBuilder users = JSON.createArrayBuilder();
                reaction.users().forEach(users::add);
                all.add(JSON.createObjectBuilder().add("emoji", reaction.emoji()).add("users", users));
            }
            return typed("reactions").add("room", reactions.room()).add("id", reactions.id()).add("reactions", all)
                    .add("seq", reactions.seq());
        }
        if (frame instanceof ServerFrame.Removed removed) {
            return typed("removed").add("room", removed.room());
        }
        if (frame instanceof ServerFrame.Notifications notifications) {
            return typed("notifications").add("room", notifications.room()).add("level", notifications.level());
        }
        if (frame instanceof ServerFrame.Hidden hidden) {
            JsonObjectBuilder json = typed("hidden").add("room", hidden.room());
            return hidden.hiddenUpTo() == null ? json : json.add("hiddenUpTo", hidden.hiddenUpTo());
        }
        if (frame instanceof ServerFrame.Read read) {
            return typed("read").add("room", read.room()).add("upTo", read.upTo());
        }
        if (frame instanceof ServerFrame.Ready ready) {
            return typed("ready").add("user", ready.user());
        }
        if (frame instanceof ServerFrame.Pong) {
            return typed("pong");
        }
        if (frame instanceof ServerFrame.Resumed resumed) {
            if (resumed.changes().isEmpty()) {
                return typed("resumed");
            }
            JsonObjectBuilder changes = JSON.createObjectBuilder();
            resumed.changes().forEach(changes::add);
            return typed("resumed").add("changes", changes);
        }
        throw new IllegalArgumentException("No encoding for " + frame);
    }

    private static JsonObjectBuilder room(RoomView room) {
        JsonArrayBuilder members = JSON.createArrayBuilder();
        room.members().forEach(members::add);
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", room.id()).add("kind", room.kind())
                .add("members", members).add("lastMessageId", room.lastMessageId());
        if (room.name() != null) {
            json.add("name", room.name());
        }
        if (room.visibility() != null) {
            json.add("visibility", room.visibility()).add("archived", room.archived());
        }
        if (room.topic() != null) {
            json.add("topic", room.topic());
        }
        if (room.createdBy() != null) {
            json.add("createdBy", room.createdBy());
        }
        return json.add("changeSeq", room.changeSeq());
    }

    private static JsonObjectBuilder typed(String type) {
        return JSON.createObjectBuilder().add("type", type);
    }

    /** A frame Parley cannot read: answered with a {@code bad_request} error, and the connection stays open. */
    static final class MalformedFrame extends Exception {
        MalformedFrame(String problem) {
            super(problem, null, false, false);
        }
    }
}
