package be.fedauth.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One phase of the demo load test: {@code clients} threads, each a virtual user, log in one after
 * another until at least {@code minLogins} logins were started and {@code minNanos} have passed, or
 * {@code capNanos} have passed. With {@code logout} each user logs out after each login (its session
 * ends); without it each login is a new browser whose cookie jar, and so whose session, is kept in
 * {@link #held()}.
 */
final class LoadRun {
    private final HttpClient http;
    private final URI portal;
    private final int clients;
    private final boolean logout;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    private final List<LoadUser> held = Collections.synchronizedList(new ArrayList<>());
    private long[] latencies = new long[0];
    private long nanos;

    LoadRun(HttpClient http, URI portal, int clients, boolean logout) {
        this.http = http;
        this.portal = portal;
        this.clients = clients;
        this.logout = logout;
    }

    /** Runs the phase; returns when every client has finished its last login. */
    LoadRun run(long minLogins, long minNanos, long capNanos) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> client(start, minLogins, minNanos, capNanos)));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            try {
                parts.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                errors.incrementAndGet();
                errorKinds.computeIfAbsent("client thread failed: " + e.getCause(), k -> new AtomicLong()).incrementAndGet();
            }
        }
        nanos = System.nanoTime() - start;
        pool.shutdown();
        latencies = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return this;
    }

    private long[] client(long start, long minLogins, long minNanos, long capNanos) {
        long[] mine = new long[1024];
        int count = 0;
        LoadUser user = new LoadUser(http, portal);
        while (true) {
            long elapsed = System.nanoTime() - start;
            long n = started.getAndIncrement();
            if ((n >= minLogins && elapsed >= minNanos) || elapsed >= capNanos) {
                started.decrementAndGet();
                break;
            }
            if (!logout) {
                user = new LoadUser(http, portal);
            }
            try {
                long took = user.login(LoadUser.PERSONAS.get((int) (n % LoadUser.PERSONAS.size())));
                if (count == mine.length) {
                    mine = Arrays.copyOf(mine, count * 2);
                }
                mine[count++] = took;
                if (logout) {
                    user.logout();
                } else {
                    held.add(user);
                }
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                String kind = e instanceof LoadUser.LoadError ? e.getMessage() : e.getClass().getName();
                errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                user.reset();
            }
        }
        return Arrays.copyOf(mine, count);
    }

    /** Logins started (each either succeeded or counted as an error). */
    long logins() {
        return started.get();
    }

    long errors() {
        return errors.get();
    }

    /** Each kind of error (step and status, no token or cookie) and how often it happened. */
    Map<String, AtomicLong> errorKinds() {
        return errorKinds;
    }

    /** The users whose sessions are held (phases without logout). */
    List<LoadUser> held() {
        return held;
    }

    double seconds() {
        return nanos / 1e9;
    }

    /** Completed logins (with their logouts, if any) per second of the phase. */
    double loginsPerSecond() {
        return latencies.length / seconds();
    }

    /** The login latency at this percentile (0 to 100), in milliseconds. */
    double percentileMillis(double p) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(latencies.length - 1, Math.max(0, Math.ceil(p / 100.0 * latencies.length) - 1));
        return latencies[index] / 1e6;
    }
}
