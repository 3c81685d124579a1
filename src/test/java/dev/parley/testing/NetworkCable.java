package dev.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between a browser and Parley, as a cable a test can pull: a TCP relay on 127.0.0.1 that passes
 * bytes both ways to Parley's port. {@link #unplug()} resets every connection through it, on both sides (Parley
 * sees its end of the WebSocket drop, the browser sees its own drop), and refuses new ones until
 * {@link #plugIn()}. Nothing in Parley knows about it: this is a real connection loss, not a test hook.
 */
public final class NetworkCable implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final ServerSocket listener;
    private final InetSocketAddress parley;
    private final URI base;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean pluggedIn = true;

    private NetworkCable(ServerSocket listener, InetSocketAddress parley, URI base) {
        this.listener = listener;
        this.parley = parley;
        this.base = base;
    }

    /** A cable to the Parley at {@code parleyBase} (on this machine), plugged in. */
    public static NetworkCable to(URI parleyBase) {
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            ServerSocket listener = new ServerSocket(0, 50, loopback);
            URI base = new URI(parleyBase.getScheme(), null, loopback.getHostAddress(), listener.getLocalPort(),
                    parleyBase.getPath(), null, null);
            NetworkCable cable = new NetworkCable(listener,
                    new InetSocketAddress(loopback, parleyBase.getPort()), base);
            Thread accepting = new Thread(cable::accept, "network-cable-accept");
            accepting.setDaemon(true);
            accepting.start();
            return cable;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Parley's base URI as seen through the cable: open pages here. */
    public URI base() {
        return base;
    }

    /** Resets every open connection and refuses new ones, as a lost network would. */
    public void unplug() {
        pluggedIn = false;
        connections.forEach(NetworkCable::reset);
        connections.clear();
    }

    public void plugIn() {
        pluggedIn = true;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket browserSide;
            try {
                browserSide = listener.accept();
            } catch (IOException closed) {
                return;
            }
            if (!pluggedIn) {
                reset(browserSide);
                continue;
            }
            try {
                Socket parleySide = new Socket();
                parleySide.connect(parley, CONNECT_TIMEOUT_MS);
                connections.add(browserSide);
                connections.add(parleySide);
                relay(browserSide, parleySide);
                relay(parleySide, browserSide);
            } catch (IOException parleyAway) {
                reset(browserSide);
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread relaying = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException connectionGone) {
                // Either side went away, or the cable was pulled: both ends close below.
            } finally {
                close(from);
                close(to);
                connections.remove(from);
                connections.remove(to);
            }
        }, "network-cable-relay");
        relaying.setDaemon(true);
        relaying.start();
    }

    // An RST rather than a polite FIN: the peer learns at once that the connection is gone.
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // Closing below is all that is left to do.
        }
        close(socket);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        unplug();
        close(listener);
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
