package dev.parley.realtime;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static factories look the provider up again
 * on every call, through a ServiceLoader that searches every jar of the WAR: profiled, that was about a third of
 * the server's CPU per delivered message.
 */
final class SharedJsonProvider {

    static final JsonProvider JSON = JsonProvider.provider();

    private SharedJsonProvider() {
    }
}
