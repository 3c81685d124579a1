package dev.parley.load;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's figures: named sections of plain values (numbers, text, lists, maps, records) in the order they
 * were added, the per-second timeline, and the delivery verdict. Written as JSON and as an HTML page
 * ({@link ReportPage}) to the output folder.
 */
final class RunReport {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    final String scenario;
    final Instant startedAt = Instant.now();
    private final Map<String, Object> sections = new LinkedHashMap<>();
    private List<Timeline.Second> seconds = List.of();
    private DeliveryCheck.Verdict verdict = DeliveryCheck.Verdict.NONE;
    private long errors;
    private Path jsonFile;
    private Path htmlFile;

    RunReport(String scenario) {
        this.scenario = scenario;
    }

    RunReport put(String name, Object value) {
        sections.put(name, value);
        return this;
    }

    Map<String, Object> sections() {
        return sections;
    }

    RunReport seconds(List<Timeline.Second> timeline) {
        this.seconds = List.copyOf(timeline);
        return this;
    }

    List<Timeline.Second> seconds() {
        return seconds;
    }

    RunReport verdict(DeliveryCheck.Verdict verdict, long errors) {
        this.verdict = verdict;
        this.errors = errors;
        return this;
    }

    DeliveryCheck.Verdict verdict() {
        return verdict;
    }

    /** Errors of every code, unanswered sends included. */
    long errors() {
        return errors;
    }

    Path jsonFile() {
        return jsonFile;
    }

    Path htmlFile() {
        return htmlFile;
    }

    /** Writes {@code load-<scenario>-<time>.json} and {@code .html} into {@code folder}. */
    void write(Path folder) {
        String name = "load-" + scenario + "-" + FILE_TIME.format(startedAt);
        try {
            Files.createDirectories(folder);
            jsonFile = folder.resolve(name + ".json");
            try (Writer writer = Files.newBufferedWriter(jsonFile, StandardCharsets.UTF_8)) {
                JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(writer)
                        .write(toJson());
            }
            htmlFile = folder.resolve(name + ".html");
            Files.writeString(htmlFile, ReportPage.render(this), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the report to " + folder, e);
        }
    }

    JsonValue toJson() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("scenario", scenario);
        all.put("startedAt", startedAt.toString());
        all.putAll(sections);
        all.put("delivery", verdict);
        all.put("seconds", seconds);
        return value(all);
    }

    /** The JSON form of a report value; NaN and infinite numbers (unknown figures) become null. */
    static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String text) {
            return JSON.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? JSON.createValue(d) : JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((key, member) -> object.add(String.valueOf(key), value(member)));
            return object.build();
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            items.forEach(item -> array.add(value(item)));
            return array.build();
        }
        if (value instanceof Record record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    fields.put(component.getName(), component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return value(fields);
        }
        return JSON.createValue(String.valueOf(value));
    }
}
