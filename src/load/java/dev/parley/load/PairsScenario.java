package dev.parley.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pairs}: P private conversations ({@code POST /api/direct/{username}}) between users 2k-1 and 2k, each
 * side with one connection sending r messages/s into its conversation; each message reaches both sides.
 */
final class PairsScenario {

    private PairsScenario() {
    }

    static RunReport run(LoadContext context) {
        LoadArgs args = context.args();
        int pairs = args.integer("pairs", 10, 1, 5_000);
        double perSide = args.decimal("pair-rate", 1, 0.01, 10_000);
        if (!args.flag("ramp")) {
            context.warnIfOverLimit(perSide);
        }
        List<LoadUsers.User> users = context.users(pairs * 2);
        List<String> rooms = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            ParleyApi.Reply direct = context.api().direct(users.get(2 * k).cookie(), users.get(2 * k + 1).username());
            if (direct.status() != 200) {
                throw new IllegalStateException("opening the direct room of " + users.get(2 * k).username() + ": "
                        + direct.status() + " " + direct.body());
            }
            rooms.add(direct.json().getString("id"));
        }
        Measurements measurements = new Measurements();
        List<Connections.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            wanted.add(new Connections.Wanted(users.get(i), Map.of(rooms.get(i / 2), new DeliveryCheck.Log())));
        }
        context.out().printf("Opening %d connections%n", users.size());
        Connections.Opened opened = Connections.open(context.http(), context.api(), measurements, wanted,
                args.integer("open-parallel", 32, 1, 1000), 120);
        if (!opened.failures().isEmpty()) {
            opened.open().forEach(LoadClient::abort);
            throw new IllegalStateException(opened.failures().size() + " of " + users.size()
                    + " connections failed to open, e.g. " + opened.failures().get(0));
        }
        List<LoadClient> clients = opened.clients();
        List<MessageRun.Sender> senders = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            senders.add(new MessageRun.Sender(clients.get(i), rooms.get(i / 2), i / 2));
        }
        int[] connectionsPerRoom = new int[pairs];
        java.util.Arrays.fill(connectionsPerRoom, 2);
        double rate = perSide * 2 * pairs;
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("url", context.api().base().toString());
        shape.put("pairs", pairs);
        shape.put("messagesPerSecondPerSide", perSide);
        shape.put("messagesPerSecond", rate);
        shape.put("serverSendLimitPerUser", context.sendLimit());
        shape.put("bodySize", context.bodySize());
        shape.put("batching", clients.stream().allMatch(LoadClient::batching));
        shape.put("seconds", context.seconds());
        shape.put("options", args.given());
        context.out().printf("pairs: %d conversations, %.2f messages/s each side = %.1f messages/s, %,.0f deliveries/s "
                + "offered%n", pairs, perSide, rate, rate * 2);
        try {
            return MessageScenario.run(context, "pairs", measurements, new MessageScenario.Setup(clients, senders,
                    rooms, connectionsPerRoom, 2, rate, shape, null, 0, null));
        } finally {
            clients.forEach(LoadClient::close);
        }
    }
}
