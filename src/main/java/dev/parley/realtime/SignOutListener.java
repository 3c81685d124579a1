package dev.parley.realtime;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** When an HTTP session ends (sign-out or timeout), so do the WebSockets it opened. */
@WebListener
public class SignOutListener implements HttpSessionListener {

    @Inject
    Connections connections;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        connections.endHttpSession(event.getSession().getId());
    }
}
