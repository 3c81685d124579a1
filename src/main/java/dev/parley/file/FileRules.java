package dev.parley.file;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import java.util.Locale;
import java.util.Set;

/** What a file's name and type may be, as Parley keeps and serves them. */
final class FileRules {

    static final int MAX_NAME = 200;
    /** Raster images: shown in place. SVG is not among them: it can hold script. */
    static final Set<String> PREVIEWABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    static final String UNKNOWN_TYPE = "application/octet-stream";

    private FileRules() {
    }

    /** The name as given, without any folder, one line, at most 200 characters; "file" when nothing is left. */
    static String name(String typed) {
        String name = typed == null ? "" : typed;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (!TextRules.fitsName(name)) {
            throw new ParleyException(ErrorCode.INVALID, "A file name may not hold control or invisible characters");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new ParleyException(ErrorCode.INVALID, "A file name is at most " + MAX_NAME + " characters");
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "file" : name;
    }

    /** The media type without parameters, lower case; unknown when it does not look like one. */
    static String contentType(String given) {
        if (given == null) {
            return UNKNOWN_TYPE;
        }
        String type = given.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.matches("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}") ? type : UNKNOWN_TYPE;
    }
}
