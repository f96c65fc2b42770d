package be.fedauth.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} child process on a random loopback port, without persistence. Fails
 * (never skips) when redis-server is not installed: {@code scripts/setup.d/10-redis.sh} installs it.
 * Readiness is awaited on the server's own "Ready to accept connections" line, then confirmed with a
 * bounded loop of PING attempts; nothing sleeps.
 */
final class RedisServer implements AutoCloseable {
    private static final int PORT_ATTEMPTS = 5;
    private static final int PING_ATTEMPTS = 50;

    private final Path executable;
    private final List<String> extraArgs;
    private final int port;
    private Process process;
    private final Deque<String> output = new ArrayDeque<>();

    private RedisServer(Path executable, List<String> extraArgs, int port) {
        this.executable = executable;
        this.extraArgs = extraArgs;
        this.port = port;
    }

    /** Starts a server on a free port, with extra configuration arguments. */
    static RedisServer start(String... extraArgs) {
        Path executable = findExecutable();
        AssertionError last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            RedisServer server = new RedisServer(executable, List.of(extraArgs), freePort());
            try {
                server.launch();
                return server;
            } catch (AssertionError e) {
                // Another process may have taken the port between probing and binding: try another.
                last = e;
            }
        }
        throw last;
    }

    int port() {
        return port;
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server at once (SIGKILL), as a crash would; its data is gone (no persistence). */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    /** Starts the server again on the same port, empty. */
    void restart() {
        kill();
        launch();
    }

    /** Freezes (SIGSTOP) or thaws (SIGCONT) the server: connections stay open, nothing answers. */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(Arrays.asList(executable.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--daemonize", "no", "--loglevel", "notice", "--logfile", ""));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + executable, e);
        }
        CountDownLatch ready = new CountDownLatch(1);
        Thread drain = new Thread(() -> drain(process.getInputStream(), ready), "redis-server-" + port);
        drain.setDaemon(true);
        drain.start();
        try {
            if (!ready.await(30, TimeUnit.SECONDS) || !process.isAlive()) {
                process.destroyForcibly();
                throw new AssertionError("redis-server did not start on port " + port + ": " + recentOutput());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        for (int attempt = 0; attempt < PING_ATTEMPTS; attempt++) {
            if (pings()) {
                return;
            }
        }
        throw new AssertionError("redis-server on port " + port + " does not answer PING: " + recentOutput());
    }

    private void drain(InputStream in, CountDownLatch ready) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > 20) {
                        output.removeFirst();
                    }
                }
                if (line.contains("Ready to accept connections")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // The process ended; what it said is in output.
        } finally {
            ready.countDown();
        }
    }

    private boolean pings() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[64];
            int n = socket.getInputStream().read(reply);
            String text = n > 0 ? new String(reply, 0, n, StandardCharsets.US_ASCII) : "";
            // A server with a password answers NOAUTH: it is up all the same.
            return text.startsWith("+PONG") || text.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    private String recentOutput() {
        synchronized (output) {
            return String.join(" | ", output);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findExecutable() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("redis-server is not installed (not on PATH): run scripts/setup.d/10-redis.sh"
                + " (Debian package redis-server); these tests need a real Redis and do not skip");
    }
}
