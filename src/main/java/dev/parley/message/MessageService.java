package dev.parley.message;

import dev.parley.file.FileView;
import dev.parley.file.Files;
import dev.parley.platform.Database;
import dev.parley.platform.DatabaseSettings;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.SiteSettings;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import dev.parley.platform.Timestamps;
import dev.parley.room.PostingRoom;
import dev.parley.room.RoomIds;
import dev.parley.room.RoomService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Posts messages and reads a room's history. */
@ApplicationScoped
public class MessageService {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;
    public static final int MAX_CLIENT_ID = 100;
    static final int MAX_SEARCH = 200;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    RoomService rooms;

    @Inject
    SiteSettings settings;

    @Inject
    Event<MessagesPosted> posted;

    @Inject
    Event<MessageEdited> edited;

    @Inject
    Reactions reactions;

    @Inject
    Threads threads;

    @Inject
    Files files;

    private final Clock clock = Clock.systemUTC();
    private MessageSearch search;
    private boolean sqlite;

    @PostConstruct
    void chooseSearch() {
        sqlite = DatabaseSettings.fromConfig().isSqlite();
        search = sqlite ? new SqliteMessageSearch(em) : new PostgresMessageSearch(em);
    }

    /**
     * Stores a batch of writes (posts and reactions) in one transaction, so that one commit covers many. The
     * batch's rooms are locked first, in id order, so two nodes' batches never wait for each other in a cycle; then
     * each write is checked and stored in the order it came, each room's ids rising from its newest. A refused
     * write (not a member, unknown room) gets its own answer and stops none of the others. Returns one outcome per
     * write, in order; they hold once this method has returned, which is when the transaction has committed.
     */
    @Transactional
    public List<WriteOutcome> store(List<Write> batch) {
        Map<String, PostingRoom> locked = rooms.lockForPosting(new TreeSet<>(batch.stream().map(Write::room).toList()));
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        List<MessagePosted> stored = new ArrayList<>(batch.size());
        try (MessageInserts inserts = new MessageInserts(dataSource, sqlite)) {
            for (Write write : batch) {
                PostingRoom room = locked.get(write.room());
                try {
                    outcomes.add(WriteOutcome.done(write instanceof PostRequest post
                            ? store(post, room, inserts, stored)
                            : reactions.store((ReactionChange) write, room)));
                } catch (ParleyException refused) {
                    outcomes.add(WriteOutcome.refused(refused));
                }
            }
            inserts.indexForSearch();
        }
        rooms.recordBatch(locked.values());
        if (!stored.isEmpty()) {
            posted.fire(new MessagesPosted(stored));
        }
        return outcomes;
    }

    /**
     * One post of a batch: membership, the thread a reply goes in, then the insert, which stores nothing when the
     * sender stored a message under this client id before (a resend is answered with what was stored, not stored
     * again).
     */
    private Posted store(PostRequest request, PostingRoom room, MessageInserts inserts, List<MessagePosted> stored) {
        List<String> members = room.membersIncluding(request.sender());
        Long thread = request.thread() == null ? null : inserts.threadFor(room.id(), request.thread())
                .orElseThrow(() -> new ParleyException(ErrorCode.UNKNOWN_MESSAGE,
                        "There is no message " + request.thread() + " in this room to reply to"));
        List<FileView> taken = request.files().isEmpty() ? List.of() : inserts.claimFiles(request)
                .orElseThrow(() -> new ParleyException(ErrorCode.UNKNOWN_FILE,
                        "A file of this message is not one you uploaded to this room, or another message has it"));
        long previousId = room.newest();
        Instant sentAt = clock.instant();
        OptionalLong id = inserts.insert(request, sentAt, previousId, thread);
        if (id.isEmpty()) {
            return new Posted(storedEarlier(request));
        }
        room.stored(id.getAsLong());
        if (!taken.isEmpty()) {
            inserts.attachFiles(request, id.getAsLong());
        }
        MessageView view = new MessageView(id.getAsLong(), room.id(), request.sender(), request.body().text(),
                Timestamps.format(sentAt), request.clientId(), thread).withFiles(taken);
        stored.add(new MessagePosted(view, previousId, members));
        return new Posted(view);
    }

    /** The message a resent post was first stored as. */
    private MessageView storedEarlier(PostRequest request) {
        return em.createNamedQuery(Message.BY_SENDER_AND_CLIENT_ID, Message.class)
                .setParameter("sender", request.sender()).setParameter("clientId", request.clientId())
                .getSingleResult().view();
    }

    /**
     * Checks what can be checked before a post waits for the writer: the body (which may be empty when files come
     * with it) and the client id. Whether the message a reply names is in the room, and whether the files are the
     * sender's, is checked when it is stored.
     */
    public PostRequest request(String sender, Draft draft) {
        MessageBody body = MessageBody.of(draft.body(), settings.maxMessageLength(), !draft.files().isEmpty());
        requireClientId(draft.clientId());
        RoomIds.requireFits(draft.room());
        return new PostRequest(sender, draft.room(), draft.clientId(), body, draft.thread(), draft.files());
    }

    private static void requireClientId(String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID
                || !TextRules.fitsLine(clientId)) {
            throw new ParleyException(ErrorCode.BAD_REQUEST,
                    "A message needs a clientId of 1 to " + MAX_CLIENT_ID + " characters, none of them a control");
        }
    }

    /**
     * A page of a room's history for one of its members, oldest first: the newest messages below {@code before}
     * (scrolling back), or the oldest above {@code after} (reading forward from a search hit). Keyset paging by
     * id, so a page costs the same however deep it is. With threads {@code collapsed}, replies in threads are
     * left out (their first messages say how many there are).
     */
    public List<MessageView> history(String reader, String roomId, Long before, Long after, Long limit,
            boolean collapsed) {
        rooms.requireMember(reader, roomId);
        int pageSize = pageSize(limit);
        if (after != null) {
            if (before != null) {
                throw new ParleyException(ErrorCode.INVALID, "Give 'before' or 'after', not both");
            }
            return withReactionsAndReplies(em.createNamedQuery(
                            collapsed ? Message.OLDEST_OF_ROOM_AFTER : Message.OLDEST_AFTER, Message.class)
                    .setParameter("room", roomId).setParameter("after", after).setMaxResults(pageSize)
                    .getResultStream().map(Message::view).toList());
        }
        return withReactionsAndReplies(newestBefore(collapsed ? Message.NEWEST_OF_ROOM_BEFORE : Message.NEWEST_BEFORE,
                roomId, before, pageSize));
    }

    /**
     * A thread for a member of its room: its first message (also when {@code messageId} names a reply in it) and
     * up to {@code limit} of its replies after {@code after}, oldest first.
     */
    public ThreadView thread(String reader, String roomId, long messageId, Long after, Long limit) {
        rooms.requireMember(reader, roomId);
        Message named = messageIn(em, roomId, messageId);
        long rootId = named.threadForReplies();
        MessageView root = withReactionsAndReplies(List.of(messageIn(em, roomId, rootId).view())).get(0);
        List<MessageView> replies = withReactionsAndReplies(threads.repliesAfter(rootId, after == null ? 0 : after,
                pageSize(limit)).stream().map(Message::view).toList());
        return new ThreadView(root, replies);
    }

    /** A page with its messages' reactions, thread summaries and files: three more queries for the whole page. */
    private List<MessageView> withReactionsAndReplies(List<MessageView> page) {
        List<Long> ids = page.stream().map(MessageView::id).toList();
        Map<Long, List<ReactionView>> all = reactions.of(ids);
        Map<Long, ThreadSummary> summaries = threads.summariesOf(page.stream().filter(view -> view.thread() == null)
                .map(MessageView::id).toList());
        Map<Long, List<FileView>> taken = files.ofMessages(ids);
        if (all.isEmpty() && summaries.isEmpty() && taken.isEmpty()) {
            return page;
        }
        return page.stream().map(view -> {
            MessageView decorated = all.containsKey(view.id()) ? view.withReactions(all.get(view.id())) : view;
            decorated = taken.containsKey(view.id()) ? decorated.withFiles(taken.get(view.id())) : decorated;
            return summaries.containsKey(view.id()) ? decorated.withReplies(summaries.get(view.id())) : decorated;
        }).toList();
    }

    /** The newest {@code pageSize} messages of a room below {@code before} (null: the newest), oldest first. */
    private List<MessageView> newestBefore(String queryName, String roomId, Long before, int pageSize) {
        List<MessageView> page = new ArrayList<>(em.createNamedQuery(queryName, Message.class)
                .setParameter("room", roomId)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(pageSize)
                .getResultStream().map(Message::view).toList());
        Collections.reverse(page);
        return page;
    }

    private static int pageSize(Long limit) {
        long size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1) {
            throw new ParleyException(ErrorCode.INVALID, "limit must be at least 1");
        }
        return (int) Math.min(size, MAX_PAGE);
    }

    /** Messages of the reader's rooms (or one of them) containing every word, newest first, below {@code before}. */
    public List<MessageView> search(String reader, String words, String roomId, Long before, Long limit) {
        if (words == null || words.isBlank()) {
            throw new ParleyException(ErrorCode.INVALID, "Search for at least one word: q=...");
        }
        if (words.length() > MAX_SEARCH) {
            throw new ParleyException(ErrorCode.INVALID, "A search is at most " + MAX_SEARCH + " characters");
        }
        if (!TextRules.fitsLine(words)) {
            throw new ParleyException(ErrorCode.INVALID, "A search may not hold control characters");
        }
        if (roomId != null) {
            rooms.requireMember(reader, roomId);
        }
        List<Long> ids = search.newestMatching(reader, words.strip(), roomId,
                before == null ? Long.MAX_VALUE : before, pageSize(limit));
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Message.BY_IDS, Message.class).setParameter("ids", ids)
                .getResultStream().map(Message::view).toList();
    }

    /** The sender changes their message's text; every member sees the change. */
    @Transactional
    public MessageView edit(String editor, String roomId, long messageId, String typedBody) {
        MessageBody body = MessageBody.of(typedBody, settings.maxMessageLength());
        rooms.lockForChange(roomId);
        List<String> members = rooms.membersAsSeenBy(editor, roomId);
        rooms.requireNotArchived(roomId);
        Message message = ownMessage(editor, roomId, messageId);
        if (message.isDeleted()) {
            throw new ParleyException(ErrorCode.UNKNOWN_MESSAGE, "That message was deleted");
        }
        message.edit(body, clock.instant(), rooms.noteMessageChange(roomId));
        em.flush();
        MessageView view = message.view();
        edited.fire(new MessageEdited(view, message.changeSeq(), members));
        return view;
    }

    /** The sender deletes their message: its text is erased from the database, a tombstone remains. */
    @Transactional
    public void delete(String deleter, String roomId, long messageId) {
        rooms.lockForChange(roomId);
        List<String> members = rooms.membersAsSeenBy(deleter, roomId);
        rooms.requireNotArchived(roomId);
        Message message = ownMessage(deleter, roomId, messageId);
        if (message.isDeleted()) {
            return;
        }
        message.delete(clock.instant(), rooms.noteMessageChange(roomId));
        reactions.clear(messageId);
        files.removeOfMessage(messageId);
        em.flush();
        edited.fire(new MessageEdited(message.view(), message.changeSeq(), members));
    }

    /**
     * A moderator removes a message from any room: its text is erased as when its sender deletes it, and members
     * see it go, marked as removed by a moderator. Removing it again changes nothing. Returns the tombstone.
     */
    @Transactional
    public MessageView removeAsModerator(String roomId, long messageId) {
        rooms.lockForChange(roomId);
        Message message = messageIn(em, roomId, messageId);
        if (!message.isDeleted()) {
            message.removeByModerator(clock.instant(), rooms.noteMessageChange(roomId));
            reactions.clear(messageId);
            files.removeOfMessage(messageId);
            em.flush();
            edited.fire(new MessageEdited(message.view(), message.changeSeq(), rooms.memberNames(roomId)));
        }
        return message.view();
    }

    /**
     * The newest messages of a room below {@code before}, oldest first, for a moderator who is not a member. The
     * caller decides which rooms a moderator may read (the admin console: group rooms only).
     */
    public List<MessageView> newestForModerator(String roomId, Long before, Long limit) {
        return newestBefore(Message.NEWEST_BEFORE, roomId, before, pageSize(limit));
    }

    /** Callers lock the room first: a write before any read, so SQLite takes its write lock up front. */
    private Message ownMessage(String user, String roomId, long messageId) {
        Message message = messageIn(em, roomId, messageId);
        if (!message.isFrom(user)) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, "Only its sender can change a message");
        }
        return message;
    }

    /** The message, if it is in that room; {@code unknown_message} otherwise. */
    static Message messageIn(EntityManager em, String roomId, long messageId) {
        Message message = em.find(Message.class, messageId);
        if (message == null || !message.roomId().equals(roomId)) {
            throw new ParleyException(ErrorCode.UNKNOWN_MESSAGE, "There is no message " + messageId + " in this room");
        }
        return message;
    }

    /**
     * Up to {@code limit} messages of a room after {@code afterId}, oldest first, with each one's predecessor id.
     * For replaying to a connection; the caller has checked membership.
     */
    public List<MessagePosted> after(String roomId, long afterId, int limit) {
        List<Message> page = pageOf(Message.OLDEST_AFTER, roomId, afterId, limit);
        Map<Long, List<FileView>> taken = files.ofMessages(page.stream().map(Message::id).toList());
        return page.stream()
                .map(message -> new MessagePosted(message.view().withFiles(taken.get(message.id())),
                        message.previousId(), List.of()))
                .toList();
    }

    /**
     * Up to {@code limit} messages of a room changed after {@code afterChange} in its change log, as they are now
     * (with their reactions), in the order of their latest change. For replaying changes to a connection; the
     * caller has checked membership.
     */
    public List<MessageChange> changedAfter(String roomId, long afterChange, int limit) {
        List<Message> page = pageOf(Message.CHANGED_AFTER, roomId, afterChange, limit);
        Map<Long, List<ReactionView>> all = reactions.of(page.stream().map(Message::id).toList());
        return page.stream()
                .map(message -> new MessageChange(message.view(), message.changeSeq(),
                        all.getOrDefault(message.id(), List.of())))
                .toList();
    }

    /** A page of a room's messages by a query that takes the room and a number to start after. */
    private List<Message> pageOf(String queryName, String roomId, long after, int limit) {
        return em.createNamedQuery(queryName, Message.class)
                .setParameter("room", roomId).setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }
}
