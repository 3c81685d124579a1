package dev.parley.message;

import java.util.List;

/**
 * What a thread's first message shows of its replies: how many there are (deleted ones left out), the newest
 * one's id and time, and who wrote them. {@code lastReplyId} lets a client tell whether a reply frame is news
 * to this summary or already counted in it.
 */
public record ThreadSummary(long count, long lastReplyId, String lastReplyAt, List<String> people) {
}
