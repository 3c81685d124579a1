package dev.parley.message;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
import dev.parley.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Posts messages and reads a room's history. */
@ApplicationScoped
public class MessageService {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;
    static final int MAX_CLIENT_ID = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    RoomService rooms;

    @Inject
    ParleyConfig config;

    @Inject
    Event<MessagePosted> posted;

    private final Clock clock = Clock.systemUTC();

    /**
     * Stores a message in one transaction: lock the room, check membership, find an earlier post with the same
     * client id, insert, advance the room's newest id. Returns once committed, which is when it may be acked.
     */
    @Transactional
    public Posted post(String sender, String roomId, String clientId, String typedBody) {
        MessageBody body = MessageBody.of(typedBody, config.maxMessageLength());
        requireClientId(clientId);
        long previousId = rooms.lockForNewMessage(roomId);
        if (previousId < 0) {
            throw new ParleyException(ErrorCode.UNKNOWN_ROOM, "There is no room " + roomId);
        }
        List<String> members = rooms.memberNames(roomId);
        if (!members.contains(sender)) {
            throw new ParleyException(ErrorCode.NOT_MEMBER, "You are not a member of room " + roomId);
        }
        Optional<Message> earlier = em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
                .setParameter("sender", sender).setParameter("clientId", clientId)
                .getResultStream().findFirst();
        if (earlier.isPresent()) {
            return new Posted(earlier.get().view(), true);
        }
        Message message = new Message(roomId, sender, body, clientId, clock.instant(), previousId);
        em.persist(message);
        em.flush();
        rooms.recordNewMessage(roomId, message.id());
        MessageView view = message.view();
        posted.fire(new MessagePosted(view, previousId, members));
        return new Posted(view, false);
    }

    private static void requireClientId(String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID) {
            throw new ParleyException(ErrorCode.BAD_REQUEST,
                    "A message needs a clientId of 1 to " + MAX_CLIENT_ID + " characters");
        }
    }

    /** A page of a room's history for one of its members: ids below {@code before}, oldest first. */
    public List<MessageView> history(String reader, String roomId, Long before, Long limit) {
        rooms.requireMember(roomId, reader);
        long pageSize = limit == null ? DEFAULT_PAGE : limit;
        if (pageSize < 1) {
            throw new ParleyException(ErrorCode.INVALID, "limit must be at least 1");
        }
        List<Message> newestFirst = em.createNamedQuery(Message.NEWEST_BEFORE, Message.class)
                .setParameter("room", roomId)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults((int) Math.min(pageSize, MAX_PAGE))
                .getResultList();
        List<MessageView> page = new ArrayList<>(newestFirst.size());
        for (Message message : newestFirst) {
            page.add(message.view());
        }
        Collections.reverse(page);
        return page;
    }

    /**
     * Up to {@code limit} messages of a room after {@code afterId}, oldest first, with each one's predecessor id.
     * For replaying to a connection; the caller has checked membership.
     */
    public List<MessagePosted> after(String roomId, long afterId, int limit) {
        return em.createNamedQuery(Message.OLDEST_AFTER, Message.class)
                .setParameter("room", roomId).setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultStream()
                .map(message -> new MessagePosted(message.view(), message.previousId(), List.of()))
                .toList();
    }
}
