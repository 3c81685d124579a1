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

/** What people change about themselves that others see: their display name and a status line. */
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
        User user = existing(username);
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

    static String checkedStatus(String typed) {
        String status = typed.strip();
        if (status.length() > MAX_STATUS || !TextRules.fitsName(status)) {
            throw new ParleyException(ErrorCode.INVALID, "A status is one line of at most " + MAX_STATUS
                    + " visible characters");
        }
        return status;
    }

    private User existing(String username) {
        return accounts.find(username)
                .orElseThrow(() -> new ParleyException(ErrorCode.UNAUTHENTICATED, "Your account no longer exists"));
    }
}
