package dev.parley.api;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Reading fields out of request bodies, refusing with {@code invalid} when a field has the wrong type. Resources
 * take their body as any {@link JsonValue}: declared as a JsonObject, a body that is valid JSON but not an object
 * failed inside the JAX-RS runtime, past the exception mappers, as a 500.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; anything else (nothing, an array, a bare value) is refused. */
    public static JsonObject object(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ParleyException(ErrorCode.INVALID, "The request needs a JSON object body");
        }
        return body.asJsonObject();
    }

    public static String optionalString(JsonValue body, String field) {
        JsonValue value = object(body).get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new ParleyException(ErrorCode.INVALID, "'" + field + "' must be a string");
    }

    public static List<String> strings(JsonValue body, String field) {
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

    /** A true/false field, or null when absent. */
    public static Boolean optionalBoolean(JsonValue body, String field) {
        JsonValue value = object(body).get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new ParleyException(ErrorCode.INVALID, "'" + field + "' must be true or false");
    }

    /** A whole-number field that fits an int, or null when absent. */
    public static Integer optionalInt(JsonValue body, String field) {
        JsonValue value = object(body).get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()
                && number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                && number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0) {
            return number.intValue();
        }
        throw new ParleyException(ErrorCode.INVALID, "'" + field + "' must be a whole number");
    }
}
