/**
 * Test-side clients that talk to a running Parley over real HTTP and real WebSocket, the way a browser
 * does: {@link dev.parley.testing.ParleyHttp} is one browser's cookie jar and API calls,
 * {@link dev.parley.testing.ChatSocket} one of its open chat connections, and
 * {@link dev.parley.testing.Json} builds the frames. Integration tests use them to read like
 * what users do: alice sends, bob receives.
 */
package dev.parley.testing;
