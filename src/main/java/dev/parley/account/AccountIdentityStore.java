package dev.parley.account;

import dev.parley.platform.ParleyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Local accounts as a Jakarta Security identity store: the users table and its PBKDF2 password hashes. It takes no
 * part where local sign-in is off ({@code PARLEY_LOCAL_LOGIN=false}).
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    @Inject
    ParleyConfig config;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || !config.localLogin()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.verify(login.getCaller(), login.getPasswordAsString())
                .map(user -> new CredentialValidationResult(user.username(), Roles.LOCAL_ACCOUNT))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
