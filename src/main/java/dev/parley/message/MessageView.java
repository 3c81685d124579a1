package dev.parley.message;

import java.util.List;

/**
 * A message as clients see it: {@code {"id","room","sender","body","sentAt","clientId"}}, plus {@code editedAt}
 * once edited and {@code deleted: true} (with an empty body) once deleted, and {@code moderated: true} besides
 * when a moderator removed it; in history pages, its {@code reactions} if it has any. Absent fields are left out.
 */
public record MessageView(long id, String room, String sender, String body, String sentAt, String clientId,
        String editedAt, Boolean deleted, Boolean moderated, List<ReactionView> reactions) {

    public MessageView(long id, String room, String sender, String body, String sentAt, String clientId) {
        this(id, room, sender, body, sentAt, clientId, null, null, null, null);
    }

    MessageView withReactions(List<ReactionView> now) {
        return new MessageView(id, room, sender, body, sentAt, clientId, editedAt, deleted, moderated, now);
    }
}
