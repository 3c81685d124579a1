package dev.parley.audit;

import dev.parley.platform.TextRules;
import dev.parley.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Appends to the audit log and reads it back, newest first. An admin action is recorded in the transaction that
 * makes it, so the log never shows a change that did not happen nor misses one that did. Nothing here changes or
 * deletes a row once written.
 */
@ApplicationScoped
public class AuditLog {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;
    /** Client text in an entry (a username tried at sign-in) is cut to this many characters. */
    static final int MAX_FIELD = 200;

    @PersistenceContext
    EntityManager em;

    /** Records an entry; joins the caller's transaction when there is one. */
    @Transactional
    public void record(String actor, AuditAction action, String target, String detail, String address) {
        em.createNativeQuery("INSERT INTO audit_log (at, actor, action, target, detail, address)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Instant.now().toEpochMilli())
                .setParameter(2, actor)
                .setParameter(3, action.code())
                .setParameter(4, target == null ? null : TextRules.excerpt(target, MAX_FIELD))
                .setParameter(5, detail == null ? null : TextRules.excerpt(detail, MAX_FIELD))
                .setParameter(6, address)
                .executeUpdate();
    }

    /** Up to {@code limit} entries older than entry {@code before} (null: the newest), newest first. */
    public List<AuditEntry> page(Long before, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, at, actor, action, target, detail, address"
                        + " FROM audit_log WHERE id < ?1 ORDER BY id DESC")
                .setParameter(1, before == null ? Long.MAX_VALUE : before)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
        return rows.stream().map(row -> new AuditEntry(((Number) row[0]).longValue(),
                Timestamps.format(Instant.ofEpochMilli(((Number) row[1]).longValue())), (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], (String) row[6])).toList();
    }
}
