/**
 * What operators and load balancers ask of a node: MicroProfile Health ({@code /health/ready},
 * {@code /health/live}) and MicroProfile Metrics ({@code /metrics}), served by Payara beside Parley. Built from
 * figures the features keep anyway; nothing here is on a message's path. Servers without MicroProfile (GlassFish)
 * skip these classes.
 */
package dev.parley.operations;
