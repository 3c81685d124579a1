package dev.parley.room;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** A private conversation of two people, or a named group with members. */
public enum RoomKind {
    DIRECT, GROUP;

    /** The protocol's and the database's spelling: {@code direct}, {@code group}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Converter(autoApply = true)
    public static class AsText implements AttributeConverter<RoomKind, String> {

        @Override
        public String convertToDatabaseColumn(RoomKind kind) {
            return kind == null ? null : kind.wireName();
        }

        @Override
        public RoomKind convertToEntityAttribute(String text) {
            return text == null ? null : RoomKind.valueOf(text.toUpperCase(Locale.ROOT));
        }
    }
}
