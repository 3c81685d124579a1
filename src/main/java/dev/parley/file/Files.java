package dev.parley.file;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploading files to a room and reading them back. An upload is streamed into the {@link FileStore} (never held in
 * memory here) and counted on the way: past the limit it stops and is thrown away. Its row is written only
 * once its bytes are kept, so a row always has its bytes.
 */
@ApplicationScoped
public class Files {

    @PersistenceContext
    EntityManager em;

    @Inject
    FileStore store;

    @Inject
    FileSettings settings;

    @Inject
    RoomService rooms;

    @Inject
    FileRecords records;

    @Inject
    UploadLimits limits;

    private final Clock clock = Clock.systemUTC();

    /** A file a member uploads to a room, for a message of theirs to take; {@code declaredLength} -1 if unknown. */
    public FileView upload(String uploader, String roomId, String typedName, String typedType, long declaredLength,
            InputStream body) {
        rooms.requireMember(uploader, roomId);
        rooms.requireNotArchived(roomId);
        limits.check(uploader, records.unattachedOf(uploader));
        String name = FileRules.name(typedName);
        String contentType = FileRules.contentType(typedType);
        Intake.Kept kept = Intake.keep(store, body, declaredLength, settings.maxBytes(), "", "A file");
        try {
            return records.insert(new StoredFile(kept.key(), roomId, uploader, name, contentType, kept.size(),
                    clock.instant()));
        } catch (RuntimeException failed) {
            forget(kept.key());
            throw failed;
        }
    }

    /** A file and its bytes, for a member of its room (its uploader alone until a message takes it). */
    public Download download(String reader, String fileId) throws IOException {
        StoredFile file = fileId == null || !fileId.matches("[A-Za-z0-9_-]{1,64}") ? null
                : em.find(StoredFile.class, fileId);
        if (file == null || !rooms.isMember(reader, file.roomId()) || !file.isReadableBy(reader)) {
            throw new ParleyException(ErrorCode.UNKNOWN_FILE, "There is no such file");
        }
        return new Download(file.view(), store.read(file.id()));
    }

    /** The files of these messages, by message id; messages without any are left out. */
    public Map<Long, List<FileView>> ofMessages(Collection<Long> messageIds) {
        Map<Long, List<FileView>> files = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return files;
        }
        for (StoredFile file : em.createNamedQuery(StoredFile.OF_MESSAGES, StoredFile.class)
                .setParameter("ids", messageIds).getResultList()) {
            files.computeIfAbsent(file.messageId(), id -> new ArrayList<>()).add(file.view());
        }
        return files;
    }

    /** A deleted message's files go with it: their rows now, in the caller's transaction; their bytes once it commits. */
    public void removeOfMessage(long messageId) {
        List<StoredFile> files = em.createNamedQuery(StoredFile.OF_MESSAGE, StoredFile.class)
                .setParameter("id", messageId).getResultList();
        files.forEach(em::remove);
        if (!files.isEmpty()) {
            records.removed(files.stream().map(StoredFile::id).toList());
        }
    }

    void forgetRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) FileRecords.Removed removed) {
        removed.keys().forEach(this::forget);
    }

    /** Deletes a file's bytes; a failure is logged (the row is gone: nothing will ask for them). */
    void forget(String key) {
        Intake.forget(store, key);
    }

    /** A file to send: what it is and its bytes. */
    public record Download(FileView file, InputStream content) {

        /** The bytes as a response body, closed once sent. */
        public StreamingOutput body() {
            return output -> {
                try (InputStream bytes = content) {
                    bytes.transferTo(output);
                }
            };
        }
    }
}
