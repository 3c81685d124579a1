package dev.parley.account;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** What people change about themselves that others see: their display name, a status line, their picture. */
@ApplicationScoped
public class Profiles {

    static final int MAX_STATUS = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    Event<ProfileChanged> profileChanged;

    /**
     * Changes the display name and the status line, each when given (an empty one: the username, no status).
     * Everyone's connections hear of it. A company account's name comes from its provider: it cannot be changed
     * here.
     */
    @Transactional
    public UserView change(String username, String displayName, String status) {
        User user = accounts.existing(username);
        if (displayName != null) {
            if (!user.namesItself() && !displayName.strip().equals(user.displayName())) {
                throw new ParleyException(ErrorCode.NOT_ALLOWED, "Your company's directory sets your name");
            }
            user.setDisplayName(AccountService.displayName(displayName, Username.of(username)));
        }
        if (status != null) {
            user.setStatus(checkedStatus(status));
        }
        em.flush();
        UserView changed = UserView.of(user);
        profileChanged.fire(new ProfileChanged(changed));
        return changed;
    }

    /**
     * The person's new picture, whose bytes the file store keeps under {@code key} (null: none now). Everyone's
     * connections hear of it. Answers the key of the picture it replaces, whose bytes may go.
     */
    @Transactional
    public Optional<String> setAvatar(String username, String key, String imageType) {
        User user = accounts.existing(username);
        String replaced = user.replaceAvatar(key, imageType);
        em.flush();
        profileChanged.fire(new ProfileChanged(UserView.of(user)));
        return Optional.ofNullable(replaced);
    }

    /** The image type of the picture kept under {@code key}, if someone has it now. */
    public Optional<String> avatarType(String key) {
        return em.createNamedQuery(User.BY_AVATAR, User.class).setParameter("key", key).getResultStream()
                .findFirst().map(User::avatarType);
    }

    static String checkedStatus(String typed) {
        String status = typed.strip();
        if (status.length() > MAX_STATUS || !TextRules.fitsName(status)) {
            throw new ParleyException(ErrorCode.INVALID, "A status is one line of at most " + MAX_STATUS
                    + " visible characters");
        }
        return status;
    }
}
