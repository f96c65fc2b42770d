package be.fedauth.oidc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that answers every request with a 200, its headers (a 1000-byte JSON body
 * announced) and the first byte of the body, and then never writes again: the rest of the body
 * stalls until the client gives up and closes the connection. No sleeps: its threads block on the
 * sockets and end when {@link #close()} closes them.
 */
public final class StallingServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** Starts listening on a random loopback port. */
    public StallingServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = start(this::acceptLoop);
    }

    /** The URL of {@code path} on this server. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                start(() -> stall(socket));
            } catch (IOException e) {
                return; // Closed.
            }
        }
    }

    private static void stall(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            readHeaders(in);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The rest of the body never comes: wait for the client to close (or for close()).
            while (in.read() >= 0) {
                // Discard whatever else arrives (a request body).
            }
        } catch (IOException e) {
            // The client or close() ended the connection.
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private Thread start(Runnable task) {
        Thread thread = new Thread(task, "stalling-server");
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            server.close();
        } catch (IOException e) {
            // Already closed.
        }
        acceptor.join(); // No connection is accepted after this.
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
