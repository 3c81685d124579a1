package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.message.MessageView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    @Test
    void replayPagesHoldAboutWhatAClientMayLeaveUnread() {
        assertEquals(CatchUp.FIRST_REPLAY_PAGE, sizeAfter(List.of()));
        assertEquals(CatchUp.PAGE, sizeAfter(page(100, 100)), "short messages: a full page");
        int size = sizeAfter(page(100, 4_000));
        assertEquals(Outbox.REPLAY_PACE_CHARS / 4_100, size, 3, "long messages: fewer");
        assertEquals(CatchUp.MIN_REPLAY_PAGE, sizeAfter(page(10, 200_000)), "never fewer than a few");
    }

    /** The next page's size after this one, as a replay works it out (from the frames it handed over). */
    private static int sizeAfter(List<Delivery> page) {
        return CatchUp.replayPageSize(page.size(), page.stream().mapToLong(d -> d.frame().length()).sum());
    }

    private static List<Delivery> page(int count, int bodyLength) {
        List<Delivery> page = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MessageView message = new MessageView(i + 1, "r", "ann", "b".repeat(bodyLength),
                    "2026-12-06T00:00:00.000Z", "c" + i);
            page.add(new Delivery(message, i, FrameCodec.encode(new ServerFrame.Message(message))));
        }
        return page;
    }
}
