/**
 * Who is online: a count of each user's open connections, in this process or shared by all nodes in Redis. Knows
 * nothing of WebSockets; {@code realtime} tells it when connections open and close.
 */
package dev.parley.presence;
