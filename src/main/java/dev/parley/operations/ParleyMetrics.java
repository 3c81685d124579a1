package dev.parley.operations;

import dev.parley.message.MessageWriter;
import dev.parley.realtime.RealtimeFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * This node's figures in MicroProfile Metrics' application registry ({@code /metrics?scope=application}, in
 * Prometheus' format: {@code parley_connections_open} and so on). Gauges read what the features count anyway,
 * so publishing them costs the message path nothing; the two totals only ever grow while the node runs.
 */
@ApplicationScoped
public class ParleyMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    RealtimeFigures realtime;

    @Inject
    MessageWriter writer;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("parley.connections.open", "WebSocket connections open on this node", MetricUnits.NONE,
                realtime, RealtimeFigures::openConnections);
        gauge("parley.messages.stored", "Messages stored by this node since it started", MetricUnits.NONE,
                writer, MessageWriter::stored);
        gauge("parley.deliveries", "Messages handed to this node's connections since it started, one per"
                + " connection", MetricUnits.NONE, realtime, RealtimeFigures::deliveries);
        gauge("parley.writer.queue", "Posts waiting for this node's message writer", MetricUnits.NONE,
                writer, MessageWriter::queueDepth);
        gauge("parley.bus.backlog", "Bus events received and not yet delivered on this node", MetricUnits.NONE,
                realtime, RealtimeFigures::busBacklog);
        gauge("parley.bus.lag", "How long the latest bus event waited on this node before delivery",
                MetricUnits.MILLISECONDS, realtime, RealtimeFigures::busLagMillis);
    }

    private <T> void gauge(String name, String description, String unit, T source, Function<T, Number> read) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
                source, read);
    }
}
