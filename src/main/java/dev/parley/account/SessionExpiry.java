package dev.parley.account;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * A session that ends while someone is still signed in on it (idle past its timeout) ends that sign-in. Signing
 * out takes the caller out of the session first, so it is not announced twice.
 */
@WebListener
public class SessionExpiry implements HttpSessionListener {

    @Inject
    Event<SignInEnded> ended;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            ended.fire(new SignInEnded(caller.username(), caller.signInId(), SignInEnded.Why.EXPIRED));
        }
    }
}
