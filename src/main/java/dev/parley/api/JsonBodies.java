package dev.parley.api;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Reading fields out of request bodies, refusing with {@code invalid} when a field has the wrong type. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject object(JsonObject body) {
        if (body == null) {
            throw new ParleyException(ErrorCode.INVALID, "The request needs a JSON object body");
        }
        return body;
    }

    public static String optionalString(JsonObject body, String field) {
        JsonValue value = object(body).get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new ParleyException(ErrorCode.INVALID, "'" + field + "' must be a string");
    }

    public static List<String> strings(JsonObject body, String field) {
        JsonValue value = object(body).get(field);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY
                && value.asJsonArray().stream().allMatch(JsonString.class::isInstance)) {
            return value.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        throw new ParleyException(ErrorCode.INVALID, "'" + field + "' must be a list of strings");
    }
}
