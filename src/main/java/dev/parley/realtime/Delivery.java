package dev.parley.realtime;

import dev.parley.message.MessagePosted;
import dev.parley.message.MessageView;

/**
 * A message on its way to connections: the message, its predecessor's id for ordering, and its {@code message}
 * frame, encoded once however many connections receive it.
 */
record Delivery(MessageView message, long previousId, String frame) {

    static Delivery of(MessagePosted posted) {
        return new Delivery(posted.message(), posted.previousId(),
                FrameCodec.encode(new ServerFrame.Message(posted.message())));
    }

    String room() {
        return message.room();
    }

    long id() {
        return message.id();
    }
}
