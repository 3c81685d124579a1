package dev.parley.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What an operator watches of this node's real-time side (published as metrics); each read is cheap. */
@ApplicationScoped
public class RealtimeFigures {

    @Inject
    Connections connections;

    @Inject
    Fanout fanout;

    @Inject
    Bus bus;

    public int openConnections() {
        return connections.count();
    }

    public long deliveries() {
        return fanout.deliveries();
    }

    /** Bus events this node has received and not yet delivered (always 0 in-process). */
    public int busBacklog() {
        return bus.backlog();
    }

    /** How long the latest bus event waited on this node before delivery, in milliseconds (0 in-process). */
    public double busLagMillis() {
        return bus.lagMillis();
    }
}
