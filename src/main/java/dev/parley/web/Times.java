package dev.parley.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Protocol timestamps as people read them on the console and tokens pages ({@code #{times.readable(t)}}):
 * {@code 2026-12-06 11:43:45 UTC}. The API keeps ISO-8601; pages have no browser time zone to go by.
 */
@Named
@ApplicationScoped
public class Times {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public String readable(String protocolTimestamp) {
        if (protocolTimestamp == null || protocolTimestamp.isEmpty()) {
            return "";
        }
        try {
            return READABLE.format(Instant.parse(protocolTimestamp));
        } catch (DateTimeParseException notATimestamp) {
            return protocolTimestamp;
        }
    }
}
