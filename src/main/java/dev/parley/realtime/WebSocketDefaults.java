package dev.parley.realtime;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.time.Duration;

/**
 * Sets the WebSocket idle timeout on the container, before any connection exists. Setting it per session in
 * {@code @OnOpen} has a race in Tyrus: a session starts with timeout 0 and an idle check scheduled at once, and
 * if that check runs after {@code @OnOpen} raised the timeout, it closes the brand-new session as idle (seen
 * under load: one of 1,000 connections opened at once).
 */
@WebListener
public class WebSocketDefaults implements ServletContextListener {

    /** A connection that sends nothing (not even the page's pings) for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container = (ServerContainer) event.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        if (container != null) {
            container.setDefaultMaxSessionIdleTimeout(IDLE_TIMEOUT.toMillis());
        }
    }
}
