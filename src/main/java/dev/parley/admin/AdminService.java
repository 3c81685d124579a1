package dev.parley.admin;

import dev.parley.account.AccountAdministration;
import dev.parley.account.AccountSummary;
import dev.parley.account.Roles;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditEntry;
import dev.parley.audit.AuditLog;
import dev.parley.message.MessageService;
import dev.parley.message.MessageView;
import dev.parley.platform.ClientAddresses;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.SiteSettings;
import dev.parley.room.RoomDirectory;
import dev.parley.room.RoomService;
import dev.parley.room.RoomSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Every admin action, for the console and the REST calls alike. Each refuses a caller who is not an admin
 * ({@code admins_only}) whatever the web.xml and filters say, and each change is recorded in the audit log in the
 * same transaction, so the log shows exactly the changes that happened.
 */
@ApplicationScoped
public class AdminService {

    @Inject
    SecurityContext security;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    AccountAdministration accounts;

    @Inject
    RoomDirectory roomDirectory;

    @Inject
    RoomService rooms;

    @Inject
    MessageService messages;

    @Inject
    SiteSettings settings;

    @Inject
    AuditLog audit;

    /** The caller, if an admin; {@code admins_only} otherwise. */
    public Admin admin(HttpServletRequest request) {
        if (security.getCallerPrincipal() == null || !security.isCallerInRole(Roles.ADMIN)) {
            throw new ParleyException(ErrorCode.ADMINS_ONLY, "Only admins may do this");
        }
        return new Admin(security.getCallerPrincipal().getName(), clientAddresses.of(request));
    }

    public List<AccountSummary> users(Admin admin, String words, String after, int limit) {
        return accounts.search(words, after, limit);
    }

    public AccountSummary user(Admin admin, String username) {
        return accounts.summary(username);
    }

    @Transactional
    public AccountSummary setDisabled(Admin admin, String username, boolean disabled) {
        AccountSummary account = accounts.setDisabled(admin.username(), username, disabled);
        audit.record(admin.username(), disabled ? AuditAction.USER_DISABLED : AuditAction.USER_ENABLED,
                account.username(), null, admin.address());
        return account;
    }

    @Transactional
    public AccountSummary setAdmin(Admin admin, String username, boolean isAdmin) {
        AccountSummary account = accounts.setAdmin(admin.username(), username, isAdmin);
        audit.record(admin.username(), isAdmin ? AuditAction.ADMIN_GRANTED : AuditAction.ADMIN_REVOKED,
                account.username(), null, admin.address());
        return account;
    }

    /** See {@link AccountAdministration#link}; audited as {@code identity_linked}. */
    @Transactional
    public AccountSummary link(Admin admin, String username, String from) {
        AccountSummary account = accounts.link(admin.username(), username, from);
        audit.record(admin.username(), AuditAction.IDENTITY_LINKED, account.username(), "from " + from,
                admin.address());
        return account;
    }

    public List<RoomSummary> rooms(Admin admin, String words, int offset, int limit) {
        return roomDirectory.list(words, offset, limit);
    }

    /** A group room's members (a direct room's two people are in its summary). */
    public List<String> roomMembers(Admin admin, String roomId) {
        roomDirectory.requireGroup(roomId);
        return rooms.memberNames(roomId);
    }

    /**
     * A group room's newest messages, for moderating it. Direct rooms are private to their two people: a
     * moderator removes a message there by its id, as reported to them, without reading the conversation.
     */
    public List<MessageView> roomMessages(Admin admin, String roomId, Long before, Long limit) {
        roomDirectory.requireGroup(roomId);
        return messages.newestForModerator(roomId, before, limit);
    }

    @Transactional
    public void removeMember(Admin admin, String roomId, String username) {
        rooms.removeMemberAsModerator(roomId, username);
        audit.record(admin.username(), AuditAction.MEMBER_REMOVED, username, "room " + roomId, admin.address());
    }

    @Transactional
    public MessageView removeMessage(Admin admin, String roomId, long messageId) {
        MessageView removed = messages.removeAsModerator(roomId, messageId);
        audit.record(admin.username(), AuditAction.MESSAGE_REMOVED, removed.sender(),
                "message " + messageId + " in room " + roomId, admin.address());
        return removed;
    }

    public SiteSettings.Values settings(Admin admin) {
        return settings.current();
    }

    /** Changes what differs from the settings now (a null leaves one alone); the audit log names only those. */
    @Transactional
    public SiteSettings.Values changeSettings(Admin admin, Boolean newRegistrationOpen, Integer newMaxMessageLength) {
        SiteSettings.Values now = settings.current();
        Boolean registrationOpen = newRegistrationOpen == null || newRegistrationOpen == now.registrationOpen()
                ? null : newRegistrationOpen;
        Integer maxMessageLength = newMaxMessageLength == null || newMaxMessageLength == now.maxMessageLength()
                ? null : newMaxMessageLength;
        SiteSettings.Values changed = settings.change(registrationOpen, maxMessageLength);
        List<String> what = new ArrayList<>();
        if (registrationOpen != null) {
            what.add("registration " + (registrationOpen ? "open" : "closed"));
        }
        if (maxMessageLength != null) {
            what.add("message length limit " + maxMessageLength);
        }
        if (!what.isEmpty()) {
            audit.record(admin.username(), AuditAction.SETTINGS_CHANGED, null, String.join(", ", what),
                    admin.address());
        }
        return changed;
    }

    public List<AuditEntry> audit(Admin admin, Long before, int limit) {
        return audit.page(before, limit);
    }
}
