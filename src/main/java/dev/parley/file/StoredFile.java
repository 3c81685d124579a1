package dev.parley.file;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded file: who uploaded it to which room, and, once a message took it, that message. Until then only its
 * uploader may read it. {@code clientId} is the client id of the message that claimed it (see {@link FileClaims}).
 */
@Entity
@Table(name = "files")
@NamedQuery(name = StoredFile.OF_MESSAGES,
        query = "SELECT f FROM StoredFile f WHERE f.messageId IN :ids ORDER BY f.messageId, f.createdAt, f.id")
@NamedQuery(name = StoredFile.OF_MESSAGE, query = "SELECT f FROM StoredFile f WHERE f.messageId = :id")
@NamedQuery(name = StoredFile.UNATTACHED_BEFORE, query = "SELECT f FROM StoredFile f "
        + "WHERE f.messageId IS NULL AND f.clientId IS NULL AND f.createdAt < :cutoff")
@NamedQuery(name = StoredFile.UNATTACHED_OF, query = "SELECT COUNT(f) FROM StoredFile f "
        + "WHERE f.uploader = :uploader AND f.messageId IS NULL AND f.clientId IS NULL")
public class StoredFile {

    static final String OF_MESSAGES = "StoredFile.ofMessages";
    static final String OF_MESSAGE = "StoredFile.ofMessage";
    static final String UNATTACHED_BEFORE = "StoredFile.unattachedBefore";
    static final String UNATTACHED_OF = "StoredFile.unattachedOf";

    @Id
    private String id;

    @Column(name = "room_id", nullable = false)
    private String roomId;

    @Column(nullable = false)
    private String uploader;

    @Column(nullable = false)
    private String name;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(nullable = false)
    private long size;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "message_id")
    private Long messageId;

    protected StoredFile() {
    }

    StoredFile(String id, String roomId, String uploader, String name, String contentType, long size,
            Instant createdAt) {
        this.id = id;
        this.roomId = roomId;
        this.uploader = uploader;
        this.name = name;
        this.contentType = contentType;
        this.size = size;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String roomId() {
        return roomId;
    }

    Long messageId() {
        return messageId;
    }

    /** Members of the room read a file once a message took it; before that, only its uploader. */
    boolean isReadableBy(String user) {
        return messageId != null || uploader.equals(user);
    }

    FileView view() {
        return new FileView(id, name, contentType, size);
    }
}
