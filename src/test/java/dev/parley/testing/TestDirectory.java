package dev.parley.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.InetAddress;
import java.util.Map;

/**
 * A company's LDAP directory for tests: UnboundID's in-memory directory server speaking LDAP on 127.0.0.1, with
 * people under {@code ou=people} and groups ({@code groupOfNames}) under {@code ou=groups}, and a service account
 * Parley binds as to search.
 */
public final class TestDirectory implements AutoCloseable {

    public static final String BASE = "dc=example,dc=com";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String GROUPS = "ou=groups," + BASE;
    public static final String BIND_DN = "cn=parley-service," + BASE;
    /** Made up for the tests; a real bind password comes from configuration. */
    public static final String BIND_PASSWORD = "test-only-bind-password";

    private final InMemoryDirectoryServer server;

    private TestDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    public static TestDirectory start() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
            // A fixed port, so that a test can stop the directory and start it again where Parley expects it.
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    InetAddress.getByName("127.0.0.1"), ParleyProcess.freeLoopbackPort(), null));
            config.setSchema(null); // groupOfNames may start empty here; real directories differ, Parley does not care
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
            server.add("dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
            server.add("dn: " + GROUPS, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
            server.startListening();
            return new TestDirectory(server);
        } catch (LDAPException | com.unboundid.ldif.LDIFException | java.net.UnknownHostException e) {
            throw new IllegalStateException("could not start the test LDAP directory", e);
        }
    }

    /** {@code ldap://127.0.0.1:<port>} */
    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    /** Adds a person ({@code inetOrgPerson}) who signs in as {@code uid}; returns their DN. */
    public String addPerson(String uid, String password, String fullName) {
        String dn = "uid=" + uid + "," + PEOPLE;
        try {
            server.add("dn: " + dn, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                    "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + fullName, "sn: " + fullName,
                    "userPassword: " + password);
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
        return dn;
    }

    public void removePerson(String uid) {
        try {
            server.delete("uid=" + uid + "," + PEOPLE);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a group ({@code groupOfNames}) with these members' DNs. */
    public void addGroup(String name, String... memberDns) {
        try {
            String[] lines = new String[3 + memberDns.length];
            lines[0] = "dn: cn=" + name + "," + GROUPS;
            lines[1] = "objectClass: groupOfNames";
            lines[2] = "cn: " + name;
            for (int i = 0; i < memberDns.length; i++) {
                lines[3 + i] = "member: " + memberDns[i];
            }
            server.add(lines);
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    public void addToGroup(String name, String memberDn) {
        try {
            server.modify("cn=" + name + "," + GROUPS, new Modification(ModificationType.ADD, "member", memberDn));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public void removeFromGroup(String name, String memberDn) {
        try {
            server.modify("cn=" + name + "," + GROUPS, new Modification(ModificationType.DELETE, "member", memberDn));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory stops answering (a network failure, a restart): connections are refused. */
    public void stopListening() {
        server.shutDown(false);
    }

    public void startListening() {
        try {
            server.startListening();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings (environment variables) that point Parley at this directory, admins being {@code adminGroup}. */
    public Map<String, String> parleySettings(String adminGroup) {
        return Map.of(
                "PARLEY_LDAP_URL", url(),
                "PARLEY_LDAP_BIND_DN", BIND_DN,
                "PARLEY_LDAP_BIND_PASSWORD", BIND_PASSWORD,
                "PARLEY_LDAP_USER_SEARCH_BASE", PEOPLE,
                "PARLEY_LDAP_GROUP_SEARCH_BASE", GROUPS,
                "PARLEY_LDAP_ADMIN_GROUP", adminGroup);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
