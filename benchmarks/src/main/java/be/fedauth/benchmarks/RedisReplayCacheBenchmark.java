package be.fedauth.benchmarks;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.spi.ReplayCache;
import be.fedauth.redis.RedisSettings;
import be.fedauth.redis.RedisStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Replay-cache checks per second against a local redis-server (started by the benchmark on a free
 * loopback port, without persistence), beside the core in-memory cache on one node.
 *
 * <p>{@code fresh}: a new id each call, one {@code SET NX PX} (the normal case: every login marks
 * one assertion or code). {@code replay}: the same id each call, refused with replay_detected
 * (what an attack costs). The suite runs them on one thread, then the fresh ones on four threads
 * sharing the node's single connection (Lettuce pipelines them). Keys live 5 s so that the
 * benchmark does not fill Redis.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisReplayCacheBenchmark {
    private static final Duration LIFETIME = Duration.ofSeconds(5);

    private final AtomicLong ids = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private Process server;
    private RedisStores redis;
    private ReplayCache redisCache;
    private ReplayCache memoryCache;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--logfile", "").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("Ready to accept connections")) {
            // Wait for the server's own readiness line; no sleeping.
        }
        if (line == null) {
            throw new IllegalStateException("redis-server did not start (is it installed? scripts/setup.d/10-redis.sh)");
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "redis-server-output");
        drain.setDaemon(true);
        drain.start();
        redis = RedisStores.create(RedisSettings.fromUri("redis://127.0.0.1:" + port), clock);
        redis.ping();
        redisCache = redis.replayCache();
        memoryCache = ReplayCache.inMemory(clock, 10_000_000);
        redisCache.markUsed("bench", "replayed", Instant.now(clock).plus(Duration.ofHours(1)));
        memoryCache.markUsed("bench", "replayed", Instant.now(clock).plus(Duration.ofHours(1)));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        redis.close();
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    private Instant expiry() {
        return clock.instant().plus(LIFETIME);
    }

    @Benchmark
    public void redisFresh() {
        redisCache.markUsed("bench", Long.toString(ids.incrementAndGet()), expiry());
    }

    @Benchmark
    public Object redisReplay() {
        try {
            redisCache.markUsed("bench", "replayed", expiry());
            throw new IllegalStateException("a replay was accepted");
        } catch (AuthenticationException expected) {
            return expected;
        }
    }

    @Benchmark
    public void inMemoryFresh() {
        memoryCache.markUsed("bench", Long.toString(ids.incrementAndGet()), expiry());
    }
}
