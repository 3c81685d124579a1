/**
 * Messages: posting (validated, idempotent per client id, acked only once committed), history in keyset pages,
 * editing and deleting one's own, and full-text search with the database's own index. Fires {@link
 * dev.parley.message.MessagesPosted} and {@link dev.parley.message.MessageEdited} after commit.
 */
package dev.parley.message;
