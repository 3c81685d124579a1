package dev.parley.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The files table's writes that need a transaction of their own, apart from the upload's streaming. */
@ApplicationScoped
public class FileRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Removed> removed;

    @Transactional
    FileView insert(StoredFile file) {
        em.persist(file);
        em.flush();
        return file.view();
    }

    /** Deletes the rows of uploads from before {@code cutoff} that no message took or is taking; their keys. */
    @Transactional
    List<String> removeUnattachedBefore(Instant cutoff) {
        List<StoredFile> old = em.createNamedQuery(StoredFile.UNATTACHED_BEFORE, StoredFile.class)
                .setParameter("cutoff", cutoff).setMaxResults(1_000).getResultList();
        old.forEach(em::remove);
        em.flush();
        return old.stream().map(StoredFile::id).toList();
    }

    /** How many of the user's uploads no message has taken yet. */
    long unattachedOf(String uploader) {
        return em.createNamedQuery(StoredFile.UNATTACHED_OF, Long.class).setParameter("uploader", uploader)
                .getSingleResult();
    }

    /** Announces, for after the caller's commit, the keys whose bytes may go. */
    void removed(List<String> keys) {
        removed.fire(new Removed(keys));
    }

    /** Files whose rows were deleted: their bytes are deleted once that commits. */
    record Removed(List<String> keys) {
    }
}
