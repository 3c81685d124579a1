/**
 * The load tool of issue 5: drives a running Parley through its public contract only (docs/protocol.md)
 * with many real WebSocket connections, and measures what users would feel: delivery latency
 * from the intended send time, lost, duplicated and out-of-order deliveries, errors, and the server's CPU and
 * memory. {@link dev.parley.load.LoadTool} is the command line; each scenario ({@code fanout}, {@code pairs},
 * {@code idle}, fanout with history readers, and the {@code --ramp} search) writes its run as JSON and as an HTML
 * page with inline SVG charts under {@code target/bench/}. See docs/performance.md, "Load tool".
 */
package dev.parley.load;
