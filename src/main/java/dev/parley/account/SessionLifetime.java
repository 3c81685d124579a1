package dev.parley.account;

import dev.parley.platform.ParleyConfig;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How long sessions live. A session starts short ({@code parley.session.anonymous-timeout}): every visit to the
 * sign-in page makes one, and nobody may fill the server's memory with them; signing in gives it the signed-in
 * timeout ({@link SignInMechanism}). A session that ends while someone is still signed in on it ends that sign-in
 * if nobody used it on any node for as long (the person may have moved to another node); signing out takes the
 * caller out of the session first, so it is not announced twice.
 */
@WebListener
public class SessionLifetime implements HttpSessionListener {

    private static final Logger LOG = Logger.getLogger(SessionLifetime.class.getName());

    @Inject
    ParleyConfig config;

    @Inject
    SharedSignIns shared;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) config.anonymousSessionTimeout().toSeconds());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            try {
                shared.sessionEnded(caller);
            } catch (RuntimeException stopping) {
                // Sessions also end when the node stops, maybe with the database gone: the sign-in simply lasts.
                LOG.log(Level.FINE, "Could not check a sign-in whose session ended", stopping);
            }
        }
    }
}
