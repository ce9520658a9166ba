package io.debtwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 that forwards to a target port until {@link #stall()}, then accepts
 * connections and never answers: a remote that hangs. With no target it stalls from the start.
 */
public final class StallingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;

    private StallingProxy(int target) throws IOException {
        this.target = target;
        this.stalled = target <= 0;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-stalling-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @param target the port to forward to while not stalled
     * @return a started proxy
     */
    public static StallingProxy forwardingTo(int target) {
        try {
            return new StallingProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return a started server that never answers
     */
    public static StallingProxy silent() {
        return forwardingTo(0);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on, new connections are accepted and never answered. */
    public void stall() {
        stalled = true;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (!stalled) {
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(upstream);
                    pump(client.getInputStream(), upstream.getOutputStream());
                    pump(upstream.getInputStream(), client.getOutputStream());
                }
            } catch (IOException e) {
                // the listener was closed: the loop ends
            }
        }
    }

    private static void pump(InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            try (from; to) {
                from.transferTo(to);
            } catch (IOException e) {
                // one side closed: closing both ends the other direction too
            }
        }, "test-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
