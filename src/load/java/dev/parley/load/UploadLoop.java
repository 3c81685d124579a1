package dev.parley.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Random;

/**
 * {@code --upload-mb N}: one member uploads an N MB file to the room, again and again (one at a time, a second
 * apart) while the messages flow, to show what a large upload costs everyone else. Bounded: at most
 * {@link #MAX_UPLOADS}, and none after the run. The uploads are never attached to a message; they stay in the
 * server's file store until it is cleared.
 */
final class UploadLoop implements AutoCloseable {

    /** The server keeps at most 20 uploads per person that no message took (UploadLimits). */
    static final int MAX_UPLOADS = 20;

    private final Thread thread;
    private volatile boolean stopping;
    private final List<Double> seconds = new ArrayList<>();
    private final List<Integer> failures = new ArrayList<>();

    private UploadLoop(HttpClient http, URI base, String cookie, String room, int megabytes) {
        byte[] file = new byte[megabytes * 1024 * 1024];
        new Random(megabytes).nextBytes(file);
        URI upload = base.resolve("api/rooms/" + room + "/files?name=load-" + megabytes + "mb.bin");
        thread = new Thread(() -> {
            for (int i = 0; i < MAX_UPLOADS && !stopping; i++) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(upload)
                            .timeout(Duration.ofSeconds(60)).header("Cookie", cookie)
                            .header("Origin", base.getScheme() + "://" + base.getAuthority())
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    synchronized (this) {
                        if (answer.statusCode() == 201) {
                            seconds.add((System.nanoTime() - start) / 1e9);
                        } else {
                            failures.add(answer.statusCode());
                        }
                    }
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                } catch (Exception failed) {
                    synchronized (this) {
                        failures.add(-1);
                    }
                }
            }
        }, "load-uploads");
        thread.setDaemon(true);
    }

    static UploadLoop start(HttpClient http, URI base, String cookie, String room, int megabytes) {
        UploadLoop loop = new UploadLoop(http, base, cookie, room, megabytes);
        loop.thread.start();
        return loop;
    }

    synchronized Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("uploads", seconds.size());
        figures.put("failed", failures);
        figures.put("meanSeconds", seconds.isEmpty() ? 0
                : MessageScenario.round(seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        figures.put("maxSeconds", MessageScenario.round(seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        return figures;
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
    }
}
