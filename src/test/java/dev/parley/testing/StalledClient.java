package dev.parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client that stops reading: it does the handshake over a plain TCP socket with a tiny receive
 * buffer, sends the frames it is given, and never reads another byte, so whatever Parley writes to it piles up on
 * Parley's side. What a hostile or simply stuck client looks like from the server (the JDK's WebSocket client
 * keeps reading into its own buffers, so it cannot play this part).
 */
public final class StalledClient implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RECEIVE_BUFFER_BYTES = 4096;

    private final Socket socket;

    private StalledClient(Socket socket) {
        this.socket = socket;
    }

    /** Opens {@code /ws} as {@code user} (its session cookie, Parley's own origin); fails unless the answer is 101. */
    public static StalledClient open(ParleyHttp user) {
        URI base = user.base();
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(15_000);
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            String origin = "http://" + base.getHost() + ":" + base.getPort();
            String handshake = "GET " + base.getPath() + "ws HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: parley.batch\r\n"
                    + "Origin: " + origin + "\r\nCookie: " + user.sessionCookie() + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(handshake.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHeaders(socket.getInputStream());
            if (!answer.startsWith("HTTP/1.1 101")) {
                socket.close();
                throw new IllegalStateException("handshake refused: " + answer.lines().findFirst().orElse(""));
            }
            return new StalledClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the handshake's answer up to its blank line, and not one byte further. */
    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        for (int next; (next = in.read()) >= 0; ) {
            headers.write(next);
            String sofar = headers.toString(StandardCharsets.US_ASCII);
            if (sofar.endsWith("\r\n\r\n")) {
                return sofar;
            }
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one masked text frame, as a browser does. */
    public void send(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            socket.getOutputStream().write(frame.toByteArray());
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Gone either way.
        }
    }
}
