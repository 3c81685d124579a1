package dev.parley.message;

import dev.parley.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reading threads. Replies are stored as messages of their room (see {@link Message}); what a thread's first
 * message shows of them is counted when a page is read, so posting a reply writes nothing but the reply.
 */
@ApplicationScoped
public class Threads {

    @PersistenceContext
    EntityManager em;

    /** The summaries of the threads these messages start; messages without replies are left out. */
    Map<Long, ThreadSummary> summariesOf(Collection<Long> messageIds) {
        Map<Long, ThreadSummary> summaries = new HashMap<>();
        if (messageIds.isEmpty()) {
            return summaries;
        }
        Query query = em.createNativeQuery("SELECT thread_id, sender, COUNT(*), MAX(id), MAX(sent_at) FROM messages "
                + "WHERE thread_id IN (" + String.join(", ", Collections.nCopies(messageIds.size(), "?")) + ") "
                + "AND deleted_at IS NULL GROUP BY thread_id, sender");
        int position = 0;
        for (Long id : messageIds) {
            query.setParameter(++position, id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, Counting> counting = new HashMap<>();
        for (Object[] row : rows) {
            counting.computeIfAbsent(((Number) row[0]).longValue(), thread -> new Counting())
                    .add((String) row[1], ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                            ((Number) row[4]).longValue());
        }
        counting.forEach((thread, count) -> summaries.put(thread, count.summary()));
        return summaries;
    }

    /** Up to {@code limit} replies of a thread after {@code after}, oldest first. */
    List<Message> repliesAfter(long thread, long after, int limit) {
        return em.createNamedQuery(Message.REPLIES_AFTER, Message.class).setParameter("thread", thread)
                .setParameter("after", after).setMaxResults(limit).getResultList();
    }

    /** One thread's replies, summed over the rows of its repliers. */
    private static final class Counting {
        private long count;
        private long lastId;
        private long lastAtMillis;
        private final TreeSet<String> people = new TreeSet<>();

        void add(String sender, long replies, long newestId, long newestAtMillis) {
            count += replies;
            lastId = Math.max(lastId, newestId);
            lastAtMillis = Math.max(lastAtMillis, newestAtMillis);
            people.add(sender);
        }

        ThreadSummary summary() {
            return new ThreadSummary(count, lastId, Timestamps.format(Instant.ofEpochMilli(lastAtMillis)),
                    List.copyOf(people));
        }
    }
}
