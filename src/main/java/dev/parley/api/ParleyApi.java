package dev.parley.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under {@code /api}. Its resources live in their features' packages; errors are mapped here. */
@ApplicationPath("/api")
public class ParleyApi extends Application {
}
