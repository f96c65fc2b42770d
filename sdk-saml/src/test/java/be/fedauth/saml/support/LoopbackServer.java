package be.fedauth.saml.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for tests (the JDK's HttpServer is not readable from this
 * module's tests on the module path): each request is answered by a {@link Handler} writing to the raw
 * socket, one thread per connection, so that a handler can trickle its body. Counts the requests.
 */
public final class LoopbackServer implements AutoCloseable {
    /** Writes a whole HTTP response for a request path. */
    @FunctionalInterface
    public interface Handler {
        void answer(String path, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();

    public LoopbackServer(Handler handler) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    threads.execute(() -> serve(client, handler));
                } catch (IOException e) {
                    return; // Closed.
                }
            }
        });
    }

    private void serve(Socket client, Handler handler) {
        try (client) {
            String path = requestPath(client.getInputStream());
            requests.incrementAndGet();
            handler.answer(path, client.getOutputStream());
            client.getOutputStream().flush();
        } catch (IOException | InterruptedException e) {
            // The client gave up, or the server is closing.
        }
    }

    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String line = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        String[] parts = line.split(" ");
        return parts.length > 1 ? parts[1] : "";
    }

    /** Writes the status line and headers of a 200 response with this body length. */
    public static void headers(OutputStream out, String contentType, int length) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A 404 without body. */
    public static void notFound(OutputStream out) throws IOException {
        out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many requests arrived. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
