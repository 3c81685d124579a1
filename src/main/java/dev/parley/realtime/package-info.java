/**
 * The live half of Parley: the {@code /ws} endpoint and its frames, the bus between nodes (in-process or Redis
 * pub/sub), and fan-out to each connection with per-room ordering, gap repair, resume and batched sending.
 * Depends on the features; they never depend on it.
 */
package dev.parley.realtime;
