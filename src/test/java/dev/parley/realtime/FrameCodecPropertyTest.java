package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends over {@code /ws}, the decoder answers a frame or a MalformedFrame (which the endpoint
 * turns into a {@code bad_request}), never anything else. Tries: jqwik's default here; {@code mvn -Pproperties}
 * runs many more.
 */
class FrameCodecPropertyTest {

    @Property
    void anyTextIsAFrameOrMalformed(@ForAll String text) {
        decode(text);
    }

    @Property
    void anyJsonShapedTextIsAFrameOrMalformed(@ForAll("jsonish") String text) {
        decode(text);
    }

    @Property
    void anyKnownFrameWithFieldsOfAnyTypeIsAFrameOrMalformed(@ForAll("frames") String text) {
        decode(text);
    }

    private static void decode(String text) {
        try {
            assertNotNull(FrameCodec.decode(text));
        } catch (FrameCodec.MalformedFrame refused) {
            assertNotNull(refused.getMessage());
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.-+eEtrufalsn \\/u\u0000\ud800abc").ofMaxLength(80);
    }

    /** Objects with a real frame type and fields that may have any JSON type, including the wrong one. */
    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> type = Arbitraries.of("send", "resume", "typing", "read", "ping", "pong", "", "SEND");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(FrameCodecPropertyTest::quoted),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("1e400", "-1", "1.5", "18446744073709551616", "true", "null", "[]", "{}",
                        "{\"r\":-1}", "{\"r\":\"x\"}", "{\"r\":9223372036854775807}"));
        Arbitrary<Map<String, String>> fields = Arbitraries.maps(
                Arbitraries.of("room", "clientId", "body", "rooms", "upTo", "type", "x"), value).ofMaxSize(5);
        return type.flatMap(t -> fields.map(f -> {
            StringBuilder json = new StringBuilder("{\"type\":").append(quoted(t));
            f.forEach((name, v) -> json.append(',').append(quoted(name)).append(':').append(v));
            return json.append('}').toString();
        }));
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
