package dev.parley.account;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Parley users of people from the company's identity provider: the first sign-in creates one (just in time)
 * under a free username derived from the provider's name for them; every sign-in refreshes the display name and
 * whether the provider's admin group makes them an admin. A person is found by issuer and subject only, so a
 * local account of the same name is never theirs.
 */
@ApplicationScoped
public class CompanyAccounts {

    static final int MAX_SUFFIX = 99;

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    /** The outcome of a sign-in: the Parley username, and whether this sign-in created the user. */
    record Outcome(String username, boolean created) {
    }

    /**
     * The Parley user of this person, created if this is their first sign-in. The first statement is a write (the
     * identity's sign-in time), so SQLite takes its write lock up front. Two first sign-ins of the same person at
     * once: the second fails on the identity's primary key and is retried by the caller, finding the first.
     */
    @Transactional
    public Outcome signIn(CompanyPerson person, boolean adminByGroup) {
        int known = em.createQuery("UPDATE CompanyIdentity i SET i.signedInAt = :now"
                        + " WHERE i.issuer = :issuer AND i.subject = :subject")
                .setParameter("now", clock.instant()).setParameter("issuer", person.issuer())
                .setParameter("subject", person.subject()).executeUpdate();
        String displayName = displayName(person);
        if (known == 1) {
            CompanyIdentity identity = em.find(CompanyIdentity.class,
                    new CompanyIdentity.Key(person.issuer(), person.subject()));
            User user = em.find(User.class, identity.username());
            user.updateFromCompany(displayName, adminByGroup);
            return new Outcome(user.username(), false);
        }
        Username username = freeUsername(person.nameForUsername());
        User user = User.fromCompany(username, displayName, person.via(), adminByGroup, clock.instant());
        em.persist(user);
        em.flush(); // the user first: the identity's foreign key needs it, and the two entities are not related
        em.persist(new CompanyIdentity(person.issuer(), person.subject(), username.value(), clock.instant()));
        em.flush();
        return new Outcome(username.value(), true);
    }

    /**
     * The provider's name for the person made a valid username ("Alice.Smith@corp" becomes "alice.smith"), with a
     * number after it when an account holds it already: alice, alice2, ... alice99, then a random suffix.
     */
    private Username freeUsername(String claimed) {
        String base = usernameBase(claimed);
        for (int suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
            String candidate = suffix == 1 ? base : base + suffix;
            if (em.find(User.class, candidate) == null) {
                return new Username(candidate);
            }
        }
        return new Username(base + "-" + HexFormat.of().toHexDigits(random.nextInt()));
    }

    /** At most 23 characters of {@code [a-z0-9_.-]}, so a suffix of up to 9 still fits in 32. */
    static String usernameBase(String claimed) {
        String name = claimed == null ? "" : claimed.strip().toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        name = name.replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (name.length() > 23) {
            name = name.substring(0, 23);
        }
        return name.length() < 3 ? "user" + (name.isEmpty() ? "" : "-" + name) : name;
    }

    /** The provider's display name when Parley would accept it as one, else the name a username came from. */
    private static String displayName(CompanyPerson person) {
        for (String candidate : new String[] {person.displayName(), person.nameForUsername()}) {
            String name = candidate == null ? "" : candidate.strip();
            if (!name.isEmpty() && name.length() <= AccountService.MAX_DISPLAY_NAME && TextRules.fitsName(name)) {
                return name;
            }
        }
        throw new ParleyException(ErrorCode.INVALID, "The identity provider gave no usable name for this person");
    }
}
