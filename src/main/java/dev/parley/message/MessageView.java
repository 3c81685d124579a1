package dev.parley.message;

import dev.parley.file.FileView;
import java.util.List;

/**
 * A message as clients see it: {@code {"id","room","sender","body","sentAt","clientId"}}, plus {@code editedAt}
 * once edited and {@code deleted: true} (with an empty body) once deleted, and {@code moderated: true} besides
 * when a moderator removed it; {@code thread}, the id of its thread's first message, when it is a reply. In
 * history pages, its {@code reactions} if it has any, and {@code replies} if it starts a thread; everywhere, its
 * {@code files} if it took any. Absent fields are left out.
 */
public record MessageView(long id, String room, String sender, String body, String sentAt, String clientId,
        String editedAt, Boolean deleted, Boolean moderated, List<ReactionView> reactions, Long thread,
        ThreadSummary replies, List<FileView> files) {

    public MessageView(long id, String room, String sender, String body, String sentAt, String clientId) {
        this(id, room, sender, body, sentAt, clientId, null);
    }

    /** A message as it is posted: a reply names its thread, anything else has {@code thread} null. */
    public MessageView(long id, String room, String sender, String body, String sentAt, String clientId,
            Long thread) {
        this(id, room, sender, body, sentAt, clientId, null, null, null, null, thread, null, null);
    }

    /** A message as it is posted, with the files it took (none: null). */
    public MessageView withFiles(List<FileView> taken) {
        return new MessageView(id, room, sender, body, sentAt, clientId, editedAt, deleted, moderated, reactions,
                thread, replies, taken == null || taken.isEmpty() ? null : List.copyOf(taken));
    }

    MessageView withReactions(List<ReactionView> now) {
        return new MessageView(id, room, sender, body, sentAt, clientId, editedAt, deleted, moderated, now, thread,
                replies, files);
    }

    MessageView withReplies(ThreadSummary summary) {
        return new MessageView(id, room, sender, body, sentAt, clientId, editedAt, deleted, moderated, reactions,
                thread, summary, files);
    }
}
