package dev.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.util.logging.Logger;

/**
 * Says at start which server Parley runs on and what it does without there. One WAR runs on Payara Micro, Payara
 * Server and GlassFish; the servers differ in what they bring beyond Jakarta EE: GlassFish 8 has no MicroProfile
 * OpenAPI, so no {@code /openapi} document (docs/protocol.md describes every call either way).
 */
@ApplicationScoped
public class ServerCapabilities {

    private static final Logger LOG = Logger.getLogger(ServerCapabilities.class.getName());
    static final String OPENAPI = "org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition";

    void report(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        LOG.info("Parley runs on " + context.getServerInfo());
        if (!isPresent(OPENAPI)) {
            LOG.warning("This server has no MicroProfile OpenAPI: GET /openapi is not served here (docs/protocol.md"
                    + " describes every call)");
        }
    }

    static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ServerCapabilities.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
