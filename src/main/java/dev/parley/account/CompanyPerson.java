package dev.parley.account;

import java.util.Locale;
import java.util.Set;

/**
 * Who the company's identity provider says signed in, as Parley needs it: the identity ({@code issuer} +
 * {@code subject}), how they came ({@code via}: "oidc" or "ldap"), the name to derive a username from, the name to
 * show, their email (null when the provider gave none or did not verify it) and their groups.
 */
record CompanyPerson(String issuer, String subject, String via, String nameForUsername, String displayName,
        String verifiedEmail, Set<String> groups) {

    static final String OIDC = "oidc";
    static final String LDAP = "ldap";
    /** The issuer recorded for people from the LDAP directory (their subject is their DN). */
    static final String LDAP_ISSUER = "ldap";

    /** The email's domain, lower case, or null without a verified email. */
    String emailDomain() {
        if (verifiedEmail == null || verifiedEmail.indexOf('@') < 0) {
            return null;
        }
        return verifiedEmail.substring(verifiedEmail.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
