package dev.parley.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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

    /** Announces, for after the caller's commit, the keys whose bytes may go. */
    void removed(List<String> keys) {
        removed.fire(new Removed(keys));
    }

    /** Files whose rows were deleted: their bytes are deleted once that commits. */
    record Removed(List<String> keys) {
    }
}
