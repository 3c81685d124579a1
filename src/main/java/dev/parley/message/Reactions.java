package dev.parley.message;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import dev.parley.room.PostingRoom;
import dev.parley.room.RoomIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Emoji reactions to messages: any member adds and removes their own on any message of the room that is not
 * deleted, and every member is told the message's reactions as they are now (the whole list, so that frames
 * arriving in any order or twice leave every client with the same picture).
 */
@ApplicationScoped
public class Reactions {

    /** Enough for any real use; a bound on what one person can pile on one message. */
    static final int MAX_PER_PERSON = 20;
    static final int MAX_EMOJI_LENGTH = 32;
    /** How long a request waits for the writer's answer; far beyond a busy writer's few milliseconds. */
    static final long ANSWER_WAIT_SECONDS = 30;

    @PersistenceContext
    EntityManager em;

    @Inject
    MessageWriter writer;

    @Inject
    Event<ReactionsChanged> changed;

    @Inject
    ReactionRateLimit limit;

    private final Clock clock = Clock.systemUTC();

    /**
     * Adds ({@code add}) or takes back the user's reaction: checked for shape and pace here, then stored by the
     * message writer in its next batch (see {@link #store}). Answers all of the message's reactions once committed.
     */
    public List<ReactionView> change(String user, String roomId, long messageId, String typedEmoji, boolean add) {
        ReactionChange change = new ReactionChange(user, roomId, messageId, emoji(typedEmoji), add);
        RoomIds.requireFits(roomId);
        limit.take(user);
        return awaited(writer.react(change));
    }

    private static List<ReactionView> awaited(CompletableFuture<List<ReactionView>> answer) {
        try {
            return answer.get(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refusedOrFailed) {
                throw refusedOrFailed;
            }
            throw new ParleyException(ErrorCode.INTERNAL, "The reaction could not be stored; try again");
        } catch (TimeoutException e) {
            // It may still be stored; trying again is harmless (adding twice, or taking back twice, changes nothing).
            throw new ParleyException(ErrorCode.RATE_LIMITED, "Parley is busy; react again in a moment");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParleyException(ErrorCode.INTERNAL, "Interrupted while storing the reaction");
        }
    }

    /**
     * One reaction change of the writer's batch, which holds the room's lock: the user must be a member, the room
     * not archived, the message there and not deleted. A change that changes something is numbered in the room's
     * change log, and every member is told after the commit.
     */
    List<ReactionView> store(ReactionChange change, PostingRoom room) {
        List<String> members = room.membersIncluding(change.user());
        long messageId = change.messageId();
        if (MessageService.messageIn(em, room.id(), messageId).isDeleted()) {
            throw new ParleyException(ErrorCode.UNKNOWN_MESSAGE, "That message was deleted");
        }
        boolean changedAnything = change.add() ? insert(change) : em.createNativeQuery(
                        "DELETE FROM reactions WHERE message_id = ?1 AND username = ?2 AND emoji = ?3")
                .setParameter(1, messageId).setParameter(2, change.user()).setParameter(3, change.emoji())
                .executeUpdate() > 0;
        List<ReactionView> now = of(List.of(messageId)).getOrDefault(messageId, List.of());
        if (changedAnything) {
            long seq = room.noteChange();
            em.createNativeQuery("UPDATE messages SET change_seq = ?1 WHERE id = ?2")
                    .setParameter(1, seq).setParameter(2, messageId).executeUpdate();
            changed.fire(new ReactionsChanged(room.id(), messageId, seq, now, members));
        }
        return now;
    }

    private boolean insert(ReactionChange change) {
        long mine = ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM reactions WHERE message_id = ?1 AND username = ?2")
                .setParameter(1, change.messageId()).setParameter(2, change.user()).getSingleResult()).longValue();
        if (mine >= MAX_PER_PERSON) {
            throw new ParleyException(ErrorCode.INVALID, "At most " + MAX_PER_PERSON + " reactions per person on a message");
        }
        return em.createNativeQuery("INSERT INTO reactions (message_id, username, emoji, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (message_id, username, emoji) DO NOTHING")
                .setParameter(1, change.messageId()).setParameter(2, change.user()).setParameter(3, change.emoji())
                .setParameter(4, clock.millis()).executeUpdate() > 0;
    }

    /** Every reaction to the messages, by message id; messages without any are left out. */
    public Map<Long, List<ReactionView>> of(Collection<Long> messageIds) {
        Map<Long, List<ReactionView>> reactions = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return reactions;
        }
        Query query = em.createNativeQuery("SELECT message_id, emoji, username FROM reactions WHERE message_id IN ("
                + String.join(", ", Collections.nCopies(messageIds.size(), "?")) + ") "
                + "ORDER BY message_id, created_at, username");
        int position = 0;
        for (Long id : messageIds) {
            query.setParameter(++position, id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, Map<String, List<String>>> byMessage = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byMessage.computeIfAbsent(((Number) row[0]).longValue(), id -> new LinkedHashMap<>())
                    .computeIfAbsent((String) row[1], emoji -> new ArrayList<>()).add((String) row[2]);
        }
        byMessage.forEach((id, emojis) -> reactions.put(id, emojis.entrySet().stream()
                .map(entry -> new ReactionView(entry.getKey(), List.copyOf(entry.getValue()))).toList()));
        return reactions;
    }

    /** A deleted message keeps no reactions. Callers hold the room's lock. */
    void clear(long messageId) {
        em.createNativeQuery("DELETE FROM reactions WHERE message_id = ?1").setParameter(1, messageId).executeUpdate();
    }

    /**
     * One emoji, as typed: up to 32 UTF-16 units (flags, skin tones and joined sequences are several), one line,
     * and no letter, digit or space in it, so that a reaction cannot carry words.
     */
    static String emoji(String typed) {
        if (typed == null || typed.isEmpty() || typed.length() > MAX_EMOJI_LENGTH || !TextRules.fitsLine(typed)
                || typed.codePoints().anyMatch(c -> Character.isLetterOrDigit(c) || Character.isWhitespace(c))) {
            throw new ParleyException(ErrorCode.INVALID, "A reaction is one emoji");
        }
        return typed;
    }
}
