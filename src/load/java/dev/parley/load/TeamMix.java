package dev.parley.load;

/**
 * Team features beside plain messages ({@code --thread-share}, {@code --reaction-share}): a share of the messages
 * go as thread replies to the newest acked message, and beside another share the sender reacts to it over HTTP
 * (each reaction is one more frame to every member). Which messages is decided by their sequence number, spread
 * evenly, so every run picks the same ones.
 */
record TeamMix(double threadShare, double reactionShare, ParleyApi api) {

    private static final String[] EMOJI = {"\uD83D\uDC4D", "\u2764\uFE0F", "\uD83D\uDE02", "\uD83C\uDF89",
            "\uD83D\uDE2E", "\uD83D\uDE4F", "\uD83D\uDC40", "\uD83D\uDD25"};

    boolean isReply(int seq) {
        return picked(seq, 0, threadShare);
    }

    /** Picked from the other end of the spread, so that a message is rarely both. */
    boolean isReaction(int seq) {
        return picked(seq, 500, reactionShare);
    }

    void react(String cookie, String room, long message, int seq, Measurements measurements) {
        api.react(cookie, room, message, EMOJI[Math.floorMod(seq, EMOJI.length)]).whenComplete((response, failure) -> {
            measurements.reactions.increment();
            if (failure != null) {
                measurements.error("reaction_failed");
            } else if (response.statusCode() != 200) {
                measurements.error("reaction_" + response.statusCode());
            }
        });
    }

    /** {@code share} of all sequence numbers, by a multiplicative hash into 1,000 slots. */
    private static boolean picked(int seq, int offset, double share) {
        int slot = (int) (((seq * 2654435761L) >>> 12) % 1000);
        return Math.floorMod(slot - offset, 1000) < share * 1000;
    }
}
