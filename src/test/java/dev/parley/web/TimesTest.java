package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimesTest {

    private final Times times = new Times();

    @Test
    void protocolTimestampsReadAsUtcSeconds() {
        assertEquals("2026-12-06 11:43:45 UTC", times.readable("2026-12-06T11:43:45.338Z"));
        assertEquals("", times.readable(null), "absent stays blank");
        assertEquals("soon", times.readable("soon"), "anything else is shown as it is");
    }
}
