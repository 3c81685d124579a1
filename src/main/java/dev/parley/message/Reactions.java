package dev.parley.message;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import dev.parley.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @PersistenceContext
    EntityManager em;

    @Inject
    RoomService rooms;

    @Inject
    Event<ReactionsChanged> changed;

    @Inject
    ReactionRateLimit limit;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public List<ReactionView> add(String user, String roomId, long messageId, String typedEmoji) {
        String emoji = emoji(typedEmoji);
        limit.take(user);
        List<String> members = lockReadable(user, roomId, messageId);
        long mine = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM reactions WHERE message_id = ?1 AND username = ?2")
                .setParameter(1, messageId).setParameter(2, user).getSingleResult()).longValue();
        if (mine >= MAX_PER_PERSON) {
            throw new ParleyException(ErrorCode.INVALID, "At most " + MAX_PER_PERSON + " reactions per person on a message");
        }
        int added = em.createNativeQuery("INSERT INTO reactions (message_id, username, emoji, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (message_id, username, emoji) DO NOTHING")
                .setParameter(1, messageId).setParameter(2, user).setParameter(3, emoji)
                .setParameter(4, clock.millis()).executeUpdate();
        return told(roomId, messageId, members, added > 0);
    }

    @Transactional
    public List<ReactionView> remove(String user, String roomId, long messageId, String typedEmoji) {
        String emoji = emoji(typedEmoji);
        limit.take(user);
        List<String> members = lockReadable(user, roomId, messageId);
        int removed = em.createNativeQuery("DELETE FROM reactions WHERE message_id = ?1 AND username = ?2 AND emoji = ?3")
                .setParameter(1, messageId).setParameter(2, user).setParameter(3, emoji).executeUpdate();
        return told(roomId, messageId, members, removed > 0);
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

    /** The room's members, once the room is locked, the user is one of them, and the message takes reactions. */
    private List<String> lockReadable(String user, String roomId, long messageId) {
        rooms.lockForChange(roomId);
        List<String> members = rooms.membersAsSeenBy(user, roomId);
        rooms.requireNotArchived(roomId);
        if (MessageService.messageIn(em, roomId, messageId).isDeleted()) {
            throw new ParleyException(ErrorCode.UNKNOWN_MESSAGE, "That message was deleted");
        }
        return members;
    }

    /** A change is numbered in the room's change log, and the message remembers it, so a resume replays it. */
    private List<ReactionView> told(String roomId, long messageId, List<String> members, boolean changedAnything) {
        List<ReactionView> now = of(List.of(messageId)).getOrDefault(messageId, List.of());
        if (changedAnything) {
            long change = rooms.noteMessageChange(roomId);
            em.createNativeQuery("UPDATE messages SET change_seq = ?1 WHERE id = ?2")
                    .setParameter(1, change).setParameter(2, messageId).executeUpdate();
            changed.fire(new ReactionsChanged(roomId, messageId, change, now, members));
        }
        return now;
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
