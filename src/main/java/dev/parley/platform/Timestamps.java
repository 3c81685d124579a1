package dev.parley.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The protocol's timestamp form: ISO-8601 UTC with milliseconds, e.g. {@code 2026-11-24T22:43:00.123Z}. */
public final class Timestamps {

    private static final DateTimeFormatter PROTOCOL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return PROTOCOL.format(instant);
    }
}
