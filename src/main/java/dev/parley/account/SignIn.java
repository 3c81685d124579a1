package dev.parley.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Signs a request's caller in with a username and password, through {@link SignInMechanism}. */
@ApplicationScoped
public class SignIn {

    @Inject
    SecurityContext security;

    public boolean withPassword(HttpServletRequest request, HttpServletResponse response, String username,
            String password) {
        if (username == null || password == null) {
            return false;
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, password)).newAuthentication(true));
        return status == AuthenticationStatus.SUCCESS;
    }
}
