package dev.parley.admin;

import dev.parley.message.MessageView;
import dev.parley.room.RoomSummary;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The console's rooms tab: every room by last activity; for a chosen group room its members (to remove one) and
 * newest messages (to remove one as moderator); for any room, removing a message by its id.
 */
@Named
@ViewScoped
public class RoomsConsole implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 200;
    static final long MESSAGES_SHOWN = 50;

    @Inject
    AdminService admins;

    private String query;
    private List<RoomSummary> rooms = List.of();
    private RoomSummary chosen;
    private List<String> members = List.of();
    private List<MessageView> messages = List.of();
    private String roomForRemoval;
    private Long messageForRemoval;

    @PostConstruct
    void load() {
        rooms = ConsoleActions.list(admins, admin -> admins.rooms(admin, query, 0, SHOWN));
    }

    public void search() {
        chosen = null;
        load();
    }

    public void choose(RoomSummary room) {
        chosen = room;
        loadChosen();
    }

    private void loadChosen() {
        if (chosen == null || !"group".equals(chosen.kind())) {
            members = List.of();
            messages = List.of();
            return;
        }
        members = ConsoleActions.list(admins, admin -> admins.roomMembers(admin, chosen.id()));
        messages = ConsoleActions.list(admins, admin -> admins.roomMessages(admin, chosen.id(), null, MESSAGES_SHOWN));
    }

    public void removeMember(String username) {
        ConsoleActions.act(admins, admin -> admins.removeMember(admin, chosen.id(), username),
                username + " was removed from the room");
        load();
        loadChosen();
    }

    public void removeMessage(long id) {
        remove(chosen.id(), id);
        loadChosen();
    }

    /** Removes the message named by room and id: how a reported message in a direct conversation is removed. */
    public void removeById() {
        if (roomForRemoval != null && messageForRemoval != null) {
            remove(roomForRemoval.strip(), messageForRemoval);
        }
    }

    private void remove(String roomId, long id) {
        ConsoleActions.act(admins, admin -> admins.removeMessage(admin, roomId, id),
                "Message " + id + " was removed; its room's members see it removed by a moderator");
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<RoomSummary> getRooms() {
        return rooms;
    }

    public RoomSummary getChosen() {
        return chosen;
    }

    public List<String> getMembers() {
        return members;
    }

    public List<MessageView> getMessages() {
        return messages;
    }

    public String getRoomForRemoval() {
        return roomForRemoval;
    }

    public void setRoomForRemoval(String roomForRemoval) {
        this.roomForRemoval = roomForRemoval;
    }

    public Long getMessageForRemoval() {
        return messageForRemoval;
    }

    public void setMessageForRemoval(Long messageForRemoval) {
        this.messageForRemoval = messageForRemoval;
    }
}
