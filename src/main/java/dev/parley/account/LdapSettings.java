package dev.parley.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.security.enterprise.identitystore.LdapIdentityStoreDefinition;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The company's LDAP directory (or Active Directory), from configuration ({@code PARLEY_LDAP_*}), and the definition
 * of Jakarta Security's LDAP identity store over it: the password form checks a password there first, then against
 * local accounts. Without a URL configured the store takes no part ({@code useFor} is empty). The store's values are
 * EL over this bean, read once when the store is first used.
 */
@LdapIdentityStoreDefinition(
        url = "${ldapSettings.url}",
        bindDn = "${ldapSettings.bindDn}",
        bindDnPassword = "${ldapSettings.bindPassword}",
        callerNameAttribute = "${ldapSettings.usernameAttribute}",
        callerSearchBase = "${ldapSettings.userSearchBase}",
        callerSearchFilter = "${ldapSettings.userSearchFilter}",
        groupSearchBase = "${ldapSettings.groupSearchBase}",
        groupSearchFilter = "${ldapSettings.groupSearchFilter}",
        // Asked before local accounts; which store vouched is told by the DN only the directory gives.
        priority = 50,
        useForExpression = "${ldapSettings.useFor}")
@Named("ldapSettings")
@ApplicationScoped
public class LdapSettings {

    @Inject
    @ConfigProperty(name = "parley.ldap.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "parley.ldap.bind-dn")
    Optional<String> bindDn;

    @Inject
    @ConfigProperty(name = "parley.ldap.bind-password")
    Optional<String> bindPassword;

    @Inject
    @ConfigProperty(name = "parley.ldap.user-search-base")
    Optional<String> userSearchBase;

    @Inject
    @ConfigProperty(name = "parley.ldap.user-search-filter", defaultValue = "(&(objectClass=person)(uid=%s))")
    String userSearchFilter;

    @Inject
    @ConfigProperty(name = "parley.ldap.username-attribute", defaultValue = "uid")
    String usernameAttribute;

    @Inject
    @ConfigProperty(name = "parley.ldap.group-search-base")
    Optional<String> groupSearchBase;

    @Inject
    @ConfigProperty(name = "parley.ldap.group-search-filter", defaultValue = "(&(objectClass=groupOfNames)(member=%s))")
    String groupSearchFilter;

    @Inject
    @ConfigProperty(name = "parley.ldap.admin-group")
    Optional<String> adminGroup;

    public boolean isEnabled() {
        return !getUrl().isEmpty();
    }

    /** Validation and groups when a directory is configured; nothing otherwise, so the store is never asked. */
    public ValidationType[] getUseFor() {
        return isEnabled() ? ValidationType.values() : new ValidationType[0];
    }

    public String getUrl() {
        return url.map(String::strip).orElse("");
    }

    public String getBindDn() {
        return bindDn.orElse("");
    }

    public String getBindPassword() {
        return bindPassword.orElse("");
    }

    public String getUsernameAttribute() {
        return usernameAttribute.strip();
    }

    public String getUserSearchBase() {
        return userSearchBase.orElse("");
    }

    public String getUserSearchFilter() {
        return userSearchFilter.strip();
    }

    public String getGroupSearchBase() {
        return groupSearchBase.orElse("");
    }

    public String getGroupSearchFilter() {
        return groupSearchFilter.strip();
    }

    /**
     * Whether a typed username may go to the directory. The LDAP identity store puts it into the search filter as it
     * is, so "ki*" would find kim's entry and a filter's own characters could change the search: such names never
     * reach it (no directory username needs them).
     */
    static boolean isSafeName(String typed) {
        return typed != null && !typed.isBlank() && typed.chars().noneMatch(c -> c == '*' || c == '(' || c == ')'
                || c == '\\' || c == '\0' || Character.isISOControl(c));
    }

    Optional<String> adminGroup() {
        return adminGroup.map(String::strip).filter(group -> !group.isEmpty());
    }
}
