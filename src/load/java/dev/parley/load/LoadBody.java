package dev.parley.load;

/**
 * The body of a message the load tool sends: {@code "lt <intended nanos> <seq> xxxx..."}, padded to the chosen
 * size. It carries the intended send time (nanoseconds after the run's origin on this JVM's clock) and the
 * message's sequence number, so a receiver computes latency and checks delivery without any lookup.
 */
final class LoadBody {

    private static final String PREFIX = "lt ";

    private LoadBody() {
    }

    /** The body for message {@code seq}, at least {@code size} characters long (longer if the numbers need it). */
    static String of(long intendedNanos, long seq, int size) {
        StringBuilder body = new StringBuilder(Math.max(size, 48)).append(PREFIX).append(intendedNanos)
                .append(' ').append(seq).append(' ');
        while (body.length() < size) {
            body.append('x');
        }
        return body.toString();
    }

    /** Sets the frame's intended time and seq if the JSON string between the indexes is a load body. */
    static void read(CharSequence text, int start, int end, ScannedFrame frame) {
        if (end - start < PREFIX.length() + 3 || text.charAt(start) != 'l' || text.charAt(start + 1) != 't'
                || text.charAt(start + 2) != ' ') {
            return;
        }
        int at = start + PREFIX.length();
        long intended = 0;
        int digits = 0;
        for (; at < end && Character.isDigit(text.charAt(at)); at++, digits++) {
            intended = intended * 10 + (text.charAt(at) - '0');
        }
        if (digits == 0 || at >= end || text.charAt(at) != ' ') {
            return;
        }
        long seq = 0;
        digits = 0;
        for (at++; at < end && Character.isDigit(text.charAt(at)); at++, digits++) {
            seq = seq * 10 + (text.charAt(at) - '0');
        }
        if (digits == 0 || (at < end && text.charAt(at) != ' ')) {
            return;
        }
        frame.intendedNanos = intended;
        frame.seq = seq;
    }

    /** The sequence number in a clientId made by {@link #clientId}, or -1 if it is not one. */
    static long seqOfClientId(String clientId, String runTag) {
        if (clientId == null || !clientId.startsWith(runTag) || clientId.length() <= runTag.length() + 1) {
            return -1;
        }
        long seq = 0;
        for (int i = runTag.length() + 1; i < clientId.length(); i++) {
            char c = clientId.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seq = seq * 10 + (c - '0');
        }
        return seq;
    }

    /** A clientId unique across runs (users are reused, and Parley dedupes clientIds per user forever). */
    static String clientId(String runTag, long seq) {
        return runTag + "-" + seq;
    }
}
