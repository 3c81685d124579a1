/**
 * Benchmarks: programs that start Parley, drive it through its real API and print figures for
 * docs/performance.md. They are never tests and assert nothing about speed. {@link
 * dev.parley.bench.SeedMessages} fills a fresh SQLite or PostgreSQL database with a million chat messages, and
 * {@link dev.parley.bench.HistoryAndSearchBenchmark} times history pages and searches on it, one request at a
 * time; the {@code bench} Maven profile runs the two.
 */
package dev.parley.bench;
