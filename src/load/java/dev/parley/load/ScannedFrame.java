package dev.parley.load;

/** The fields of one server frame that {@link FrameScanner} reads; reused from frame to frame. */
final class ScannedFrame {

    static final long NO_ID = Long.MIN_VALUE;

    /** One of the constants of {@link FrameTypes} when known, else the type as sent (null when absent). */
    String type;
    long id;
    String room;
    String clientId;
    String code;
    /** From a load-tool body: the intended send time (nanoseconds after the run's origin), or -1. */
    long intendedNanos;
    /** From a load-tool body: the message's sequence number in the run, or -1. */
    long seq;

    void reset() {
        type = null;
        id = NO_ID;
        room = null;
        clientId = null;
        code = null;
        intendedNanos = -1;
        seq = -1;
    }

    boolean isLoadMessage() {
        return type == FrameTypes.MESSAGE && seq >= 0 && id != NO_ID && room != null;
    }
}
