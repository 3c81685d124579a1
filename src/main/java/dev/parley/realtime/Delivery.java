package dev.parley.realtime;

import dev.parley.message.MessagePosted;

/**
 * A message on its way to connections: its room, id and predecessor's id for ordering, and its {@code message}
 * frame, encoded once however many connections receive it.
 */
record Delivery(String room, long id, long previousId, String frame) {

    static Delivery of(MessagePosted posted) {
        return new Delivery(posted.message().room(), posted.message().id(), posted.previousId(),
                FrameCodec.encode(new ServerFrame.Message(posted.message())));
    }
}
