package dev.parley.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.account.AccountService;
import dev.parley.account.Username;
import dev.parley.message.MessageBody;
import dev.parley.platform.ParleyException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client puts in a request body, reading and checking it answers a value or a refusal with a 4xx code
 * (and a message), never an exception that would become a 500. Covers the readers every resource uses and the
 * rules for the fields people type.
 */
class JsonBodiesPropertyTest {

    @Property
    void anyFieldOfAnyTypeReadsAsAStringOrIsRefused(@ForAll("bodies") JsonObject body) {
        for (String field : new String[] {"username", "password", "displayName", "name", "body", "members"}) {
            refusedAs4xxOr(() -> JsonBodies.optionalString(body, field));
            refusedAs4xxOr(() -> JsonBodies.strings(body, field));
        }
    }

    @Property
    void anyTypedTextIsAcceptedOrRefusedWithAReason(@ForAll String typed) {
        refusedAs4xxOr(() -> Username.of(typed));
        refusedAs4xxOr(() -> AccountService.checkDisplayName(typed));
        refusedAs4xxOr(() -> AccountService.checkPassword(typed));
        refusedAs4xxOr(() -> MessageBody.of(typed, 4000));
    }

    private static void refusedAs4xxOr(Runnable reading) {
        try {
            reading.run();
        } catch (ParleyException refused) {
            int status = refused.code().httpStatus();
            assertTrue(status >= 400 && status < 500, refused.code() + " is not a client error");
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
        }
    }

    @Provide
    Arbitrary<JsonObject> bodies() {
        Arbitrary<String> names = Arbitraries.of("username", "password", "displayName", "name", "body", "members", "x");
        return Arbitraries.integers().between(0, 2_000_000).flatMap(seed -> names.list().ofMaxSize(6).map(fields -> {
            JsonObjectBuilder body = Json.createObjectBuilder();
            int kind = seed;
            for (String field : fields) {
                switch (kind % 7) {
                    case 0 -> body.add(field, "text " + kind);
                    case 1 -> body.add(field, kind);
                    case 2 -> body.add(field, kind % 2 == 0);
                    case 3 -> body.addNull(field);
                    case 4 -> body.add(field, Json.createArrayBuilder().add("a").add(kind));
                    case 5 -> body.add(field, Json.createArrayBuilder().add("a").add("b"));
                    default -> body.add(field, Json.createObjectBuilder().add("nested", kind));
                }
                kind /= 7;
            }
            return body.build();
        }));
    }
}
