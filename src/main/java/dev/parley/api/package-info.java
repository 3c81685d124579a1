/**
 * The JSON API's application class and the one place where refusals and failures become HTTP error bodies. The
 * resources themselves live in their features' packages.
 */
package dev.parley.api;
