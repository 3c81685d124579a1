package dev.parley.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a username is made from what a company's identity provider calls someone, and whose email counts. */
class CompanyAccountsTest {

    @Test
    void aUsernameIsTheProvidersNameMadeValid() {
        assertEquals("alice", CompanyAccounts.usernameBase("Alice"));
        assertEquals("alice.smith", CompanyAccounts.usernameBase(" Alice.Smith@corp.example "), "an email's local part");
        assertEquals("jean-luc-picard", CompanyAccounts.usernameBase("Jean Luc  Picard"));
        assertEquals("ren-e", CompanyAccounts.usernameBase("Renée"), "letters outside a-z become a dash");
        assertEquals("user-jo", CompanyAccounts.usernameBase("Jo"), "too short alone");
        assertEquals("user", CompanyAccounts.usernameBase("@@@"));
        assertEquals("user", CompanyAccounts.usernameBase(null));
        assertEquals(23, CompanyAccounts.usernameBase("a".repeat(40)).length(), "room left for a number");
        assertEquals("x.y", CompanyAccounts.usernameBase("..x.y--"), "no dots or dashes at the ends");
    }

    @Test
    void onlyAVerifiedEmailHasADomain() {
        assertEquals("example.com", person("ann@Example.COM").emailDomain());
        assertNull(person(null).emailDomain());
        assertNull(person("not an address").emailDomain());
    }

    private static CompanyPerson person(String verifiedEmail) {
        return new CompanyPerson("issuer", "subject", CompanyPerson.OIDC, "ann", "Ann", verifiedEmail, Set.of());
    }
}
