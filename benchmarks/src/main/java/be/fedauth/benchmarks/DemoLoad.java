package be.fedauth.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo under load (issue 12): starts the demo portal with its fake FAS as a child JVM on loopback,
 * then drives complete OIDC logins through it over HTTP (see {@link LoadUser}): a warm-up, logins/s and
 * login latency at 1, 4 and 16 clients, the live heap per held session, and a soak of at least
 * {@code --logins} logins at 16 clients with the live heap sampled after full GCs. Exits 1 when any
 * login failed. A command-line tool: it writes to the console on purpose. Run it with
 * {@code benchmarks/load}.
 */
public final class DemoLoad {
    /** The pending login's lifetime in the demo, and so how long its replay-cache entries live. */
    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);

    private final PrintStream out = System.out;
    private final StringBuilder report = new StringBuilder();
    private long errors;

    private DemoLoad() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(new DemoLoad().run(LoadOptions.parse(args)));
    }

    private int run(LoadOptions o) throws Exception {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        line("Demo under load, " + date + ": " + Runtime.getRuntime().availableProcessors() + " CPUs, JDK "
                + System.getProperty("java.vm.version") + ", demo JVM options " + o.demoJvm());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        try (DemoProcess demo = DemoProcess.start(o.jar(), o.demoJvm(), o.log())) {
            URI portal = demo.url();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(portal.resolve("/")).timeout(Duration.ofSeconds(20))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (home.statusCode() != 200) {
                throw new IllegalStateException("the demo's home page answered HTTP " + home.statusCode());
            }
            line("demo at " + portal + " (pid " + demo.pid() + "), its output in " + o.log());

            LoadRun warm = phase(http, portal, 4, true, o.warmup(), 0, o);
            line(String.format(Locale.ROOT, "warm-up: %d logins at 4 clients, %d errors", warm.logins(), warm.errors()));

            line("");
            line("| clients | logins | errors | logins/s | p50 ms | p99 ms |");
            line("|---:|---:|---:|---:|---:|---:|");
            for (int clients : o.clients()) {
                LoadRun r = phase(http, portal, clients, true, o.phaseLogins(), 0, o);
                row(clients, r);
            }

            heldSessions(http, portal, demo, o);
            soak(http, portal, demo, o);
        }
        line("");
        line(errors == 0 ? "all logins succeeded" : errors + " logins FAILED");
        Files.createDirectories(o.report().toAbsolutePath().getParent());
        Files.writeString(o.report(), report.toString(), StandardCharsets.UTF_8);
        out.println("report written to " + o.report());
        return errors == 0 ? 0 : 1;
    }

    private LoadRun phase(HttpClient http, URI portal, int clients, boolean logout, long logins, long minNanos, LoadOptions o)
            throws InterruptedException {
        LoadRun r = new LoadRun(http, portal, clients, logout).run(logins, minNanos, minNanos + o.capNanos());
        errors += r.errors();
        r.errorKinds().forEach((kind, count) -> line("  error x" + count + ": " + kind));
        return r;
    }

    private void row(int clients, LoadRun r) {
        line(String.format(Locale.ROOT, "| %d | %,d | %d | %.1f | %.1f | %.1f |", clients, r.logins(), r.errors(),
                r.loginsPerSecond(), r.percentileMillis(50), r.percentileMillis(99)));
    }

    /** Live heap with no session, with {@code --hold} sessions held, and after they all logged out. */
    private void heldSessions(HttpClient http, URI portal, DemoProcess demo, LoadOptions o) throws Exception {
        long before = demo.liveHeapBytes();
        LoadRun hold = phase(http, portal, 16, false, o.hold(), 0, o);
        long held = demo.liveHeapBytes();
        int sessions = hold.held().size();
        long logoutErrors = 0;
        for (LoadUser user : hold.held()) {
            try {
                user.logout();
            } catch (RuntimeException e) {
                logoutErrors++;
            }
        }
        errors += logoutErrors;
        hold.held().clear();
        long after = demo.liveHeapBytes();
        line("");
        line(String.format(Locale.ROOT, "Held sessions (16 clients, each login a new browser that keeps its cookies):"
                + " %,d logins, %d errors, %d logout errors", hold.logins(), hold.errors(), logoutErrors));
        line("| live heap after full GC | MB |");
        line("|---|---:|");
        line(String.format(Locale.ROOT, "| before (no session) | %.1f |", before / 1e6));
        line(String.format(Locale.ROOT, "| %,d sessions held | %.1f |", sessions, held / 1e6));
        line(String.format(Locale.ROOT, "| after they all logged out | %.1f |", after / 1e6));
        if (sessions > 0) {
            line(String.format(Locale.ROOT, "Per held session (what logout frees): %.1f KB; per login with its session"
                    + " (held minus before): %.1f KB", (held - after) / 1e3 / sessions, (held - before) / 1e3 / sessions));
        }
    }

    /** At least {@code --logins} logins and {@code --soak-minutes} at 16 clients, live heap sampled every interval. */
    private void soak(HttpClient http, URI portal, DemoProcess demo, LoadOptions o) throws Exception {
        int clients = o.soakClients();
        long minNanos = TimeUnit.MINUTES.toNanos(o.soakMinutes());
        LoadRun soak = new LoadRun(http, portal, clients, true);
        List<long[]> series = new ArrayList<>();
        long start = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        Runnable sample = () -> {
            try {
                long live = demo.liveHeapBytes();
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                synchronized (series) {
                    series.add(new long[] {seconds, soak.logins(), live});
                }
                out.printf(Locale.ROOT, "  soak %4d s: %,7d logins, %d errors, live heap %.1f MB%n", seconds, soak.logins(),
                        soak.errors(), live / 1e6);
            } catch (IOException | RuntimeException e) {
                out.println("  heap sample failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        sampler.scheduleWithFixedDelay(sample, 0, o.sampleSeconds(), TimeUnit.SECONDS);
        soak.run(o.logins(), minNanos, minNanos + o.capNanos());
        sampler.shutdown();
        sampler.awaitTermination(3, TimeUnit.MINUTES);
        sample.run();
        errors += soak.errors();
        soak.errorKinds().forEach((kind, count) -> line("  error x" + count + ": " + kind));
        line("");
        line(String.format(Locale.ROOT, "Soak: %,d logins at %d clients in %.0f s (each user logs out after each login)",
                soak.logins(), clients, soak.seconds()));
        line("| clients | logins | errors | logins/s | p50 ms | p99 ms |");
        line("|---:|---:|---:|---:|---:|---:|");
        row(clients, soak);
        line("");
        line("Live heap after full GC during the soak (jcmd GC.class_histogram):");
        line("| s | logins | live heap MB |");
        line("|---:|---:|---:|");
        synchronized (series) {
            series.forEach(s -> line(String.format(Locale.ROOT, "| %d | %,d | %.1f |", s[0], s[1], s[2] / 1e6)));
            long window = REPLAY_WINDOW.toSeconds();
            long[] steady = series.stream().filter(s -> s[0] >= window).mapToLong(s -> s[2]).toArray();
            if (steady.length >= 2) {
                line(String.format(Locale.ROOT, "After the first %d min (replay-cache entries of the first logins expiring):"
                                + " %d samples, min %.1f MB, max %.1f MB, first %.1f MB, last %.1f MB", window / 60, steady.length,
                        Arrays.stream(steady).min().orElse(0) / 1e6, Arrays.stream(steady).max().orElse(0) / 1e6,
                        steady[0] / 1e6, steady[steady.length - 1] / 1e6));
            }
        }
        if (soak.logins() < o.logins()) {
            line("the soak stopped at its time cap before " + o.logins() + " logins");
            errors++;
        }
        if (!demo.alive()) {
            line("the demo died during the run");
            errors++;
        }
    }

    private void line(String text) {
        out.println(text);
        report.append(text).append('\n');
    }
}
