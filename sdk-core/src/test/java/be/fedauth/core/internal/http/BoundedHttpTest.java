package be.fedauth.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared bounded exchange: the deadline covers the body, and the body is capped. */
class BoundedHttpTest {

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // Turns a hang into a failure.
    void point2_headersThenATrickledBody_failsWithIdpUnavailableAtTheDeadline() throws Exception {
        BoundedHttp http = new BoundedHttp(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(800), 1 << 20);
        try (Trickle server = new Trickle(20_000, 100)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> http.get(server.uri(), Map.of(), "test"))
                    .isInstanceOfSatisfying(IdpUnavailableException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_UNAVAILABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void get_aBodyAboveTheCap_failsWithIdpInvalidResponse() throws Exception {
        BoundedHttp http = new BoundedHttp(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4), 100);
        try (Trickle server = new Trickle(101, 0)) {

            assertThatThrownBy(() -> http.get(server.uri(), Map.of(), "test"))
                    .isInstanceOfSatisfying(IdpUnavailableException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.IDP_INVALID_RESPONSE));
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void get_aBodyAtTheCap_isReadAsBytes() throws Exception {
        BoundedHttp http = new BoundedHttp(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4), 100);
        try (Trickle server = new Trickle(100, 0)) {
            BoundedHttp.Response response = http.get(server.uri(), Map.of(), "test");

            assertThat(response.ok()).isTrue();
            assertThat(response.body()).hasSize(100);
            assertThat(response.contentType()).isEqualTo("application/xml");
        }
    }

    /** Answers every connection with headers, then {@code length} bytes, one per {@code pauseMillis}. */
    private static final class Trickle implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        Trickle(int length, long pauseMillis) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        client.getInputStream().read(new byte[4096]);
                        OutputStream out = client.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/xml; charset=utf-8\r\nContent-Length: "
                                + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        for (int i = 0; i < length; i++) {
                            out.write('x');
                            if (pauseMillis > 0) {
                                out.flush();
                                Thread.sleep(pauseMillis); // The fault itself: a body trickled by the server.
                            }
                        }
                        out.flush();
                    } catch (IOException | InterruptedException e) {
                        // The client gave up, or the server is closing.
                    }
                }
            }, "trickle");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/md");
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }
}
