package dev.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesUtcWithMillisecondsAlways() {
        assertEquals("2026-11-24T22:43:00.123Z", Timestamps.format(Instant.parse("2026-11-24T22:43:00.123456Z")));
        assertEquals("2026-01-02T03:04:05.000Z", Timestamps.format(Instant.parse("2026-01-02T03:04:05Z")));
        assertEquals("1970-01-01T00:00:00.000Z", Timestamps.format(Instant.EPOCH));
        assertEquals("0999-12-31T23:59:59.999Z", Timestamps.format(Instant.parse("0999-12-31T23:59:59.999999999Z")));
    }

    @Test
    void agreesWithTheGeneralFormatterOverTheYears() {
        SplittableRandom random = new SplittableRandom(42);
        long lastSecondOf9999 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, lastSecondOf9999), random.nextInt(1_000_000_000));
            assertEquals(ISO_MILLIS.format(instant), Timestamps.format(instant), instant.toString());
        }
    }
}
