package dev.parley.file;

/**
 * A file as clients see it: {@code {"id","name","contentType","size"}}. Its bytes are at
 * {@code GET /api/files/{id}}, for the members of its room.
 */
public record FileView(String id, String name, String contentType, long size) {

    /** Images a browser shows in place; everything else is only ever downloaded. */
    public boolean showsInPlace() {
        return FileRules.PREVIEWABLE.contains(contentType);
    }
}
