package dev.parley.testing;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Builds and parses the JSON that tests exchange with Parley.
 *
 * <p>Named after what it handles rather than {@code JsonHelper}; where a test also needs
 * {@code jakarta.json.Json}, it should refer to that one by its full name.
 */
public final class Json {

    /** Looked up once: {@code jakarta.json.Json} would search the service loader on every call. */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    /**
     * A JSON object from alternating keys and values, e.g.
     * {@code obj("type", "send", "room", roomId, "body", "hi")}.
     * Values may be String, Number, Boolean, JsonValue, Map (keys become strings),
     * Collection (becomes an array) or null (becomes JSON null).
     */
    public static JsonObject obj(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("obj needs key/value pairs, got an odd count: " + keyValues.length);
        }
        JsonObjectBuilder object = PROVIDER.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!(keyValues[i] instanceof String key)) {
                throw new IllegalArgumentException("key at position " + i + " is not a String: " + keyValues[i]);
            }
            object.add(key, value(keyValues[i + 1]));
        }
        return object.build();
    }

    /** Any JSON text: an object, an array or a scalar. Throws {@code JsonParsingException} on malformed text. */
    public static JsonValue parse(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** The JSON form of a plain Java value, by the rules of {@link #obj}. */
    public static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String text) {
            return PROVIDER.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = PROVIDER.createObjectBuilder();
            map.forEach((key, member) -> object.add(String.valueOf(key), value(member)));
            return object.build();
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = PROVIDER.createArrayBuilder();
            items.forEach(item -> array.add(value(item)));
            return array.build();
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName() + ": " + value);
    }

    private static JsonValue number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return PROVIDER.createValue(number.longValue());
        }
        if (number instanceof BigInteger big) {
            return PROVIDER.createValue(big);
        }
        if (number instanceof BigDecimal big) {
            return PROVIDER.createValue(big);
        }
        return PROVIDER.createValue(number.doubleValue());
    }
}
