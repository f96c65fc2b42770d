package be.fedauth.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of issue 7 in one go and writes the table of ratios.
 *
 * <p>Usage: {@code java -cp benchmarks.jar be.fedauth.benchmarks.Suite [--quick] [--only REGEX] --report FILE}.
 * The full run fits in about 8 minutes on 2 cores; {@code --quick} runs each benchmark for about two
 * seconds, to check that everything still compiles and runs (its figures mean nothing).
 */
public final class Suite {
    private Suite() {
    }

    /** One JMH invocation: some benchmarks, a thread count, and how long to warm up and measure. */
    record Group(String name, String include, int threads, int warmups, int warmupSeconds, int measurements,
                 int measurementSeconds, Map<String, String[]> params) {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        String only = ".*";
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = args[++i];
                case "--report" -> report = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (report == null) {
            throw new IllegalArgumentException("--report FILE is required");
        }
        Runs runs = new Runs();
        long started = System.nanoTime();
        for (Group g : groups()) {
            if (!Pattern.compile(only).matcher(g.name()).find()) {
                continue;
            }
            System.out.println("\n=== " + g.name() + " ===");
            runs.addAll(new Runner(options(g, quick)).run());
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String table = Report.render(runs, quick, seconds, SealingBenchmark.sealedSize(),
                SamlValidationBenchmark.signedSize(10), SamlValidationBenchmark.signedSize(100));
        System.out.println();
        System.out.println(table);
        Report.write(report, table);
        System.out.println("Written to " + report);
    }

    static List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        String oidc = OidcValidationBenchmark.class.getName();
        groups.add(new Group("oidc-1-thread", "^" + Pattern.quote(oidc) + "\\.", 1, 5, 1, 3, 1, Map.of()));
        // Two benchmark threads on 2 cores starve the JIT compiler: fedauth's longer path needs about
        // 8 s to settle (seen 2026-11-26: 374, 259, 207, 131 us... against 125 us at one thread).
        groups.add(new Group("oidc-2-threads", "^" + Pattern.quote(oidc)
                + "\\.(floorIdToken|floorCallback|pac4jIdToken|fedauthIdToken|fedauthCallback)$", 2, 9, 1, 3, 1, Map.of()));
        groups.add(new Group("oidc-jwks-size", "^" + Pattern.quote(OidcKeyScalingBenchmark.class.getName()) + "\\.",
                1, 3, 1, 3, 1, Map.of()));
        // OpenSAML keeps getting faster for about 14 s on 2 cores (dependency-notes.md).
        String saml = "^" + Pattern.quote(SamlValidationBenchmark.class.getName()) + "\\.";
        groups.add(new Group("saml-10-attributes", saml, 1, 7, 2, 2, 2, Map.of("attributes", new String[] {"10"})));
        groups.add(new Group("saml-100-attributes", saml + "(floorSigned|fedauthSigned|floorSignedWithSchema)$", 1, 7, 2, 2, 2,
                Map.of("attributes", new String[] {"100"})));
        groups.add(new Group("sealing", "^" + Pattern.quote(SealingBenchmark.class.getName()) + "\\.", 1, 2, 1, 3, 1,
                Map.of()));
        groups.add(new Group("fake-idp", "^" + Pattern.quote(IdpThroughputBenchmark.class.getName()) + "\\.", 2, 2, 2, 2, 3,
                Map.of("httpServer", new String[] {"default", "netty"})));
        // Replay-cache checks against a redis-server the benchmark starts on loopback (scripts/setup.d/10-redis.sh).
        String redis = "^" + Pattern.quote(RedisReplayCacheBenchmark.class.getName()) + "\\.";
        groups.add(new Group("redis-1-thread", redis, 1, 2, 1, 3, 1, Map.of()));
        groups.add(new Group("redis-4-threads", redis + "(redisFresh|inMemoryFresh)$", 4, 2, 1, 3, 1, Map.of()));
        return groups;
    }

    static org.openjdk.jmh.runner.options.Options options(Group g, boolean quick) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(g.include())
                .threads(g.threads())
                .forks(1)
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .resultFormat(ResultFormatType.JSON)
                .result("target/jmh-" + g.name() + ".json");
        if (quick) {
            b.warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(1)
                    .measurementTime(TimeValue.seconds(1));
        } else {
            b.warmupIterations(g.warmups()).warmupTime(TimeValue.seconds(g.warmupSeconds()))
                    .measurementIterations(g.measurements()).measurementTime(TimeValue.seconds(g.measurementSeconds()));
        }
        g.params().forEach(b::param);
        return b.build();
    }
}
