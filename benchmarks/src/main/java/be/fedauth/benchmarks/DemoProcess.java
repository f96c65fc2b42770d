package be.fedauth.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo portal (with its in-process fake FAS) as a child JVM on a free loopback port, and the
 * heap of that JVM read with {@code jcmd}. Its output goes to a log file; it is stopped on
 * {@link #close} and when this JVM exits.
 */
final class DemoProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("fedauth demo customs portal: open (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$", Pattern.MULTILINE);

    private final Process process;
    private final URI url;
    private final Path jcmd;

    private DemoProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /** Starts {@code java <jvmOptions> -jar jar --port 0} and waits (at most 90 s) for the URL it prints. */
    static DemoProcess start(Path jar, List<String> jvmOptions, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no demo jar at " + jar + " (benchmarks/load builds it)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port", "0"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "demo-load-stop-demo"));
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread drain = new Thread(() -> drain(process, log, url), "demo-load-demo-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return new DemoProcess(process, url.get(90, TimeUnit.SECONDS));
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the demo did not start within 90 s; see " + log, e);
        }
    }

    /** Copies the demo's output to the log and completes {@code url} once the demo prints it. */
    private static void drain(Process process, Path log, CompletableFuture<URI> url) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    url.complete(URI.create(m.group(1)));
                    out.flush();
                }
            }
        } catch (IOException e) {
            url.completeExceptionally(e);
        }
        // Its output ended: the demo stopped (a no-op when the URL was already read).
        url.completeExceptionally(new IllegalStateException("the demo's output ended before it printed its URL"));
    }

    URI url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Bytes of live objects in the demo's heap: {@code jcmd GC.class_histogram} runs a full GC first and
     * counts only what survives it (the "Total" line).
     */
    long liveHeapBytes() throws IOException, InterruptedException {
        String histogram = jcmd("GC.class_histogram");
        Matcher m = TOTAL.matcher(histogram);
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.class_histogram gave no Total line");
        }
        return Long.parseLong(m.group(2));
    }

    /** The demo's heap summary after a full GC ({@code GC.run}, then {@code GC.heap_info}), for the report. */
    String heapInfo() throws IOException, InterruptedException {
        jcmd("GC.run");
        return jcmd("GC.heap_info");
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), what).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + what + " took more than 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + what + " failed with exit code " + p.exitValue());
        }
        return output.join();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
