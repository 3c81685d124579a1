package dev.parley.account;

import dev.parley.platform.ParleyConfig;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * How long sessions live. A session starts short ({@code parley.session.anonymous-timeout}): every visit to the
 * sign-in page makes one, and nobody may fill the server's memory with them; signing in gives it the signed-in
 * timeout ({@link SignInMechanism}). A session that ends while someone is still signed in on it ends that sign-in;
 * signing out takes the caller out of the session first, so it is not announced twice.
 */
@WebListener
public class SessionLifetime implements HttpSessionListener {

    @Inject
    ParleyConfig config;

    @Inject
    Event<SignInEnded> ended;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) config.anonymousSessionTimeout().toSeconds());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            ended.fire(new SignInEnded(caller.username(), caller.signInId(), SignInEnded.Why.EXPIRED));
        }
    }
}
