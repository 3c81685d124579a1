package dev.parley.room;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/**
 * Who may find and join a group room: only the people its members add ({@code private}), or anyone, from the
 * channel list ({@code public}). Direct rooms are always private.
 */
public enum Visibility {
    PRIVATE, PUBLIC;

    /** The protocol's and the database's spelling: {@code private}, {@code public}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The spelling a client sent; null for none. */
    static Visibility fromWire(String typed) {
        if (typed == null) {
            return null;
        }
        for (Visibility visibility : values()) {
            if (visibility.wireName().equals(typed)) {
                return visibility;
            }
        }
        throw new ParleyException(ErrorCode.INVALID, "visibility is \"private\" or \"public\"");
    }

    @Converter(autoApply = true)
    public static class AsText implements AttributeConverter<Visibility, String> {

        @Override
        public String convertToDatabaseColumn(Visibility visibility) {
            return visibility == null ? null : visibility.wireName();
        }

        @Override
        public Visibility convertToEntityAttribute(String text) {
            return text == null ? null : Visibility.valueOf(text.toUpperCase(Locale.ROOT));
        }
    }
}
