package dev.parley.load;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code fanout}: C members of one group room, each with one connection, S of them sending at an aggregate rate
 * of R messages/s; every message is delivered to all C connections (the sender's own included). With
 * {@code history} (the scenario of that name) some members also page back through the room meanwhile.
 *
 * <p>The room is {@code lt-fanout-<C>} of the first member, reused across runs when its members are the same,
 * so it grows from run to run (a large room for the history readers).
 */
final class FanoutScenario {

    private FanoutScenario() {
    }

    static RunReport run(LoadContext context, boolean withHistory) {
        LoadArgs args = context.args();
        int members = args.integer("members", 50, 2, 10_000);
        double rate = args.decimal("rate", 100, 0.1, 1_000_000);
        double limit = context.sendLimit();
        int senders = args.integer("senders", (int) Math.min(members, Math.max(1, Math.ceil(rate / limit))), 1, members);
        if (args.flag("ramp") && !args.has("senders")) {
            senders = members;
        }
        if (!args.flag("ramp")) {
            context.warnIfOverLimit(rate / senders);
        }
        List<LoadUsers.User> users = context.users(members);
        String room = room(context.api(), users);

        Measurements measurements = new Measurements();
        List<Connections.Wanted> wanted = new ArrayList<>();
        List<ParleyApi> nodes = context.nodes();
        for (int i = 0; i < users.size(); i++) {
            // Members alternate between the nodes: senders and receivers on every one of them.
            wanted.add(new Connections.Wanted(users.get(i), Map.of(room, new DeliveryCheck.Log()),
                    nodes.get(i % nodes.size())));
        }
        context.out().printf("Opening %d connections%s%n", members,
                nodes.size() > 1 ? " over " + nodes.size() + " nodes" : "");
        Connections.Opened opened = Connections.open(context.http(), context.api(), measurements, wanted,
                args.integer("open-parallel", 32, 1, 1000), 120);
        if (!opened.failures().isEmpty()) {
            opened.open().forEach(LoadClient::abort);
            throw new IllegalStateException(opened.failures().size() + " of " + members
                    + " connections failed to open, e.g. " + opened.failures().get(0));
        }
        List<LoadClient> clients = opened.clients();
        List<MessageRun.Sender> sending = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            sending.add(new MessageRun.Sender(clients.get(i), room, 0));
        }
        HistoryReaders history = null;
        double historyRate = 0;
        if (withHistory) {
            int readers = args.integer("readers", 2, 1, members);
            historyRate = args.decimal("history-rate", 20, 0.1, 10_000);
            history = new HistoryReaders(context.api(), measurements, room, users.subList(members - readers, members),
                    args.integer("page", 50, 1, 200));
        }
        double threadShare = args.decimal("thread-share", 0, 0, 1);
        double reactionShare = args.decimal("reaction-share", 0, 0, 1);
        TeamMix teamMix = threadShare + reactionShare > 0 ? new TeamMix(threadShare, reactionShare, context.api()) : null;
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("url", nodes.stream().map(node -> node.base().toString()).collect(Collectors.joining(",")));
        shape.put("room", room);
        shape.put("members", members);
        shape.put("senders", senders);
        shape.put("messagesPerSecond", rate);
        shape.put("messagesPerSecondPerSender", MessageScenario.round(rate / senders));
        shape.put("serverSendLimitPerUser", limit);
        shape.put("bodySize", context.bodySize());
        shape.put("batching", clients.stream().allMatch(LoadClient::batching));
        shape.put("seconds", context.seconds());
        shape.put("options", args.given());
        if (teamMix != null) {
            shape.put("threadShare", threadShare);
            shape.put("reactionShare", reactionShare);
        }
        context.out().printf("fanout: %d members, %d senders, %.1f messages/s (%,.0f deliveries/s offered)%s%n",
                members, senders, rate, rate * members, withHistory ? ", history readers on" : "");
        double signInRate = args.decimal("signin-rate", 0, 0, 100_000);
        int idleSockets = args.integer("idle-sockets", 0, 0, 100_000);
        IdleCrowd crowd = idleSockets > 0 ? IdleCrowd.open(context, measurements, idleSockets) : null;
        if (crowd != null) {
            shape.put("idleSockets", crowd.size());
        }
        SignInFlood flood = signInRate > 0 ? SignInFlood.start(context, signInRate) : null;
        int uploadMegabytes = args.integer("upload-mb", 0, 0, 1024);
        UploadLoop uploads = uploadMegabytes > 0 ? UploadLoop.start(context.http(), nodes.get(0).base(),
                users.get(members - 1).cookie(), room, uploadMegabytes) : null;
        try {
            RunReport report = MessageScenario.run(context, withHistory ? "history" : "fanout", measurements,
                    new MessageScenario.Setup(clients, sending, List.of(room), new int[] {members}, members, rate,
                            shape, history, historyRate, teamMix));
            if (flood != null) {
                report.put("signIns", flood.figures());
            }
            if (uploads != null) {
                uploads.close();
                report.put("uploads", uploads.figures());
            }
            return report;
        } finally {
            if (uploads != null) {
                uploads.close();
            }
            if (flood != null) {
                flood.close();
            }
            if (crowd != null) {
                crowd.close();
            }
            clients.forEach(LoadClient::close);
        }
    }

    /** The first user's room {@code lt-fanout-<C>} with exactly these members, created when there is none. */
    private static String room(ParleyApi api, List<LoadUsers.User> users) {
        String name = "lt-fanout-" + users.size();
        HashSet<String> wanted = new HashSet<>(users.stream().map(LoadUsers.User::username).toList());
        ParleyApi.Reply rooms = api.rooms(users.get(0).cookie());
        if (rooms.status() == 200) {
            for (JsonValue value : rooms.jsonArray()) {
                JsonObject room = value.asJsonObject();
                if (name.equals(room.getString("name", null))
                        && wanted.equals(new HashSet<>(ParleyApi.members(room)))) {
                    return room.getString("id");
                }
            }
        }
        ParleyApi.Reply created = api.createRoom(users.get(0).cookie(), name,
                users.stream().skip(1).map(LoadUsers.User::username).toList());
        if (created.status() != 201) {
            throw new IllegalStateException("creating room " + name + ": " + created.status() + " " + created.body());
        }
        return created.json().getString("id");
    }
}
