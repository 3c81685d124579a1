/**
 * What every feature stands on: configuration keys and defaults, the database (connection pool, Flyway
 * migrations, EclipseLink platform), the Redis client, and the protocol's error codes.
 */
package dev.parley.platform;
