package dev.parley.web;

import dev.parley.platform.ParleyConfig;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the session cookie Secure when people reach Parley over HTTPS ({@code parley.public-url}), even though
 * requests arrive from the TLS proxy as plain HTTP: the browser then never sends it over an unencrypted connection.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    ParleyConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (config.publicUrl().filter(url -> "https".equals(url.getScheme())).isPresent()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
