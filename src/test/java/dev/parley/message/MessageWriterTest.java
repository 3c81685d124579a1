package dev.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The message writer without a container: its thread, its batches, and what it does when storing fails. */
class MessageWriterTest {

    private final FakeMessages messages = new FakeMessages();
    private final MessageWriter writer = new MessageWriter();

    MessageWriterTest() {
        writer.messages = messages;
        writer.threadFactory = new PlainThreads();
    }

    @AfterEach
    void stop() {
        writer.stop();
    }

    @Test
    void aBatchThatFailsIsStoredPostByPostSoOneBadPostFailsAlone() throws Exception {
        messages.failBatchesLargerThanOne = true;
        messages.refuse = "bad";
        messages.holdNextStore();
        CompletableFuture<Posted> first = writer.post("ann", Draft.of("r1", "first", "one"));
        messages.awaitHeld();
        CompletableFuture<Posted> good = writer.post("ann", Draft.of("r1", "good", "two"));
        CompletableFuture<Posted> bad = writer.post("ann", Draft.of("r1", "bad", "three"));
        messages.release();

        assertEquals("one", first.get(5, TimeUnit.SECONDS).message().body());
        assertEquals("two", good.get(5, TimeUnit.SECONDS).message().body(), "stored on its own");
        ExecutionException refused = assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof RuntimeException);
    }

    @Test
    void theWriterSurvivesAnErrorAndStoresWhatComesAfter() throws Exception {
        messages.throwErrorOnce = true;
        CompletableFuture<Posted> unlucky = writer.post("bo", Draft.of("r1", "c1", "lost in the error"));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> unlucky.get(5, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof StackOverflowError, "answered with the failure: " + failed.getCause());

        Posted after = writer.post("bo", Draft.of("r1", "c2", "stored after it")).get(5, TimeUnit.SECONDS);
        assertEquals("stored after it", after.message().body(), "the same writer thread goes on");
    }

    @Test
    void postsOfOneConnectionAreStoredInTheOrderSent() throws Exception {
        List<CompletableFuture<Posted>> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            answers.add(writer.post("cy", Draft.of("r1", "c" + i, "message " + i)));
        }
        for (CompletableFuture<Posted> answer : answers) {
            answer.get(5, TimeUnit.SECONDS);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add("message " + i);
        }
        assertEquals(expected, messages.stored);
        assertTrue(messages.largestBatch.get() > 1, "several posts waiting are stored together");
    }

    @Test
    void reactionsWaitInTheSameBatchesAsPostsInTheOrderTheyCame() throws Exception {
        messages.holdNextStore();
        CompletableFuture<Posted> first = writer.post("ed", Draft.of("r1", "c1", "first"));
        messages.awaitHeld();
        CompletableFuture<Posted> second = writer.post("ed", Draft.of("r1", "c2", "second"));
        CompletableFuture<List<ReactionView>> reacted = writer.react(new ReactionChange("fay", "r1", 1, "+", true));
        CompletableFuture<Posted> third = writer.post("ed", Draft.of("r1", "c3", "third"));
        messages.release();

        assertEquals("first", first.get(5, TimeUnit.SECONDS).message().body());
        assertEquals(List.of("fay"), reacted.get(5, TimeUnit.SECONDS).get(0).users(), "answered with the reactions");
        assertEquals("third", third.get(5, TimeUnit.SECONDS).message().body());
        assertEquals("second", second.get(5, TimeUnit.SECONDS).message().body());
        assertEquals(List.of("first", "second", "+", "third"), messages.stored);
        assertEquals(3, messages.largestBatch.get(), "the reaction shared the posts' batch, and its commit");
        assertEquals(3, writer.stored(), "messages stored are counted; reactions are not messages");
    }

    @Test
    void badInputIsRefusedBeforeItWaits() {
        ParleyException refused = assertThrows(ParleyException.class, () -> writer.post("dee", Draft.of("r1", "c1", "  ")));
        assertEquals(ErrorCode.BAD_REQUEST, refused.code());
    }

    /** Stores in memory; can be told to fail batches, throw once, refuse one client id, or hold a batch. */
    private static final class FakeMessages extends MessageService {
        final List<String> stored = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger largestBatch = new AtomicInteger();
        volatile boolean failBatchesLargerThanOne;
        volatile boolean throwErrorOnce;
        volatile String refuse;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        private volatile boolean holding;
        private long nextId = 1;

        void holdNextStore() {
            holding = true;
        }

        void awaitHeld() throws InterruptedException {
            held.await(5, TimeUnit.SECONDS);
        }

        void release() {
            gate.countDown();
        }

        @Override
        public PostRequest request(String sender, Draft draft) {
            return new PostRequest(sender, draft.room(), draft.clientId(), MessageBody.of(draft.body(), 4000),
                    draft.thread(), draft.files());
        }

        @Override
        public synchronized List<WriteOutcome> store(List<Write> batch) {
            if (holding) {
                holding = false;
                held.countDown();
                try {
                    gate.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            largestBatch.accumulateAndGet(batch.size(), Math::max);
            if (throwErrorOnce) {
                throwErrorOnce = false;
                throw new StackOverflowError("a failure nobody expected");
            }
            if (failBatchesLargerThanOne && batch.size() > 1) {
                throw new IllegalStateException("the batch's transaction failed");
            }
            List<WriteOutcome> outcomes = new ArrayList<>();
            for (Write write : batch) {
                if (write instanceof ReactionChange reaction) {
                    stored.add(reaction.emoji());
                    outcomes.add(WriteOutcome.done(List.of(new ReactionView(reaction.emoji(), List.of(reaction.user())))));
                    continue;
                }
                PostRequest post = (PostRequest) write;
                if (post.clientId().equals(refuse)) {
                    throw new IllegalStateException("this post cannot be stored");
                }
                stored.add(post.body().text());
                outcomes.add(WriteOutcome.done(new Posted(new MessageView(nextId++, post.room(), post.sender(),
                        post.body().text(), "2026-12-06T00:00:00.000Z", post.clientId()))));
            }
            return outcomes;
        }
    }

    private static final class PlainThreads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        }
    }
}
