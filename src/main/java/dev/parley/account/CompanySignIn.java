package dev.parley.account;

import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * What Parley decides when the company's identity provider vouches for someone (OpenID Connect or LDAP): whether
 * their email domain may sign in here, whether the admin group makes them an admin, and which Parley user they
 * are (created at their first sign-in, {@link CompanyAccounts}).
 */
@ApplicationScoped
public class CompanySignIn {

    @Inject
    CompanyAccounts accounts;

    @Inject
    AuditLog audit;

    /** The provider vouched for someone Parley does not let in; {@code problem} says why, for the sign-in page. */
    static final class Refused extends Exception {

        private final String problem;

        Refused(String problem, String message) {
            super(message, null, false, false);
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }

    /**
     * The Parley username of this person. Refused when {@code allowedDomains} is not empty and their verified email
     * is in none of them. Whether they are an admin by group is set again now, from the groups the provider gave.
     */
    String accept(CompanyPerson person, Optional<String> adminGroup, List<String> allowedDomains, String address)
            throws Refused {
        if (!allowedDomains.isEmpty() && !allowedDomains.contains(person.emailDomain())) {
            audit.record(null, AuditAction.SIGN_IN_FAILED, person.nameForUsername(), person.via() + ": email domain",
                    address);
            throw new Refused("domain", "People of this email domain do not sign in here");
        }
        boolean admin = adminGroup.map(person.groups()::contains).orElse(false);
        CompanyAccounts.Outcome outcome;
        try {
            outcome = accounts.signIn(person, admin);
        } catch (RuntimeException twin) {
            if (!AccountService.isDuplicateKey(twin)) {
                throw twin;
            }
            // The same person's first sign-in in another tab created them a moment ago: now they are known.
            outcome = accounts.signIn(person, admin);
        }
        if (outcome.created()) {
            audit.record(outcome.username(), AuditAction.USER_PROVISIONED, outcome.username(), person.via(), address);
        }
        return outcome.username();
    }
}
