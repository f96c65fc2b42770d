package be.fedauth.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The options of {@link DemoLoad}; {@code --quick} shrinks every count to check that it all runs. */
record LoadOptions(Path jar, List<String> demoJvm, Path log, Path report, List<Integer> clients, long warmup,
                   long phaseLogins, long hold, long logins, int soakClients, long soakMinutes, long sampleSeconds,
                   long capMinutes) {

    static final String USAGE = """
            usage: benchmarks/load [--quick] [--logins N] [--clients 1,4,16] [--phase-logins N] [--hold N]
                                   [--soak-minutes M] [--sample-seconds S] [--demo-jvm "-Xmx1g ..."]
              --logins N          logins of the soak at 16 clients (default 20000); it also lasts --soak-minutes
              --clients LIST      client counts of the throughput phases (default 1,4,16)
              --phase-logins N    logins per throughput phase (default 1000)
              --hold N            sessions held to measure the live heap per session (default 2000)
              --soak-minutes M    least duration of the soak (default 13: the replay window is 10 min)
              --sample-seconds S  live-heap sample interval during the soak (default 30)
              --quick             small counts, no minimum soak time: checks that everything runs
            """;

    static LoadOptions parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path jar = Path.of("demo/target/fedauth-demo.jar");
        List<String> jvm = List.of("-Xms256m", "-Xmx1g");
        List<Integer> clients = List.of(1, 4, 16);
        long warmup = quick ? 100 : 1000;
        long phase = quick ? 100 : 1000;
        long hold = quick ? 200 : 2000;
        long logins = quick ? 500 : 20_000;
        long minutes = quick ? 0 : 13;
        long sample = quick ? 5 : 30;
        Path report = Path.of(quick ? "benchmarks/target/demo-load-quick.md" : "benchmarks/target/demo-load.md");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + a + "\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--logins" -> logins = positive(a, v);
                case "--clients" -> {
                    List<Integer> list = new ArrayList<>();
                    for (String c : v.split(",")) {
                        list.add((int) Math.min(256, positive(a, c.strip())));
                    }
                    clients = List.copyOf(list);
                }
                case "--phase-logins" -> phase = positive(a, v);
                case "--warmup" -> warmup = positive(a, v);
                case "--hold" -> hold = positive(a, v);
                case "--soak-minutes" -> minutes = Long.parseLong(v);
                case "--sample-seconds" -> sample = positive(a, v);
                case "--demo-jar" -> jar = Path.of(v);
                case "--demo-jvm" -> jvm = List.of(v.strip().split("\\s+"));
                case "--report" -> report = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        return new LoadOptions(jar, jvm, Path.of("benchmarks/target/demo-load-demo.log"), report, clients, warmup, phase,
                hold, logins, 16, Math.max(0, minutes), sample, 30);
    }

    /** The most a phase may run past its least duration: every loop is bounded in time as well as count. */
    long capNanos() {
        return TimeUnit.MINUTES.toNanos(capMinutes);
    }

    private static long positive(String flag, String value) {
        long n = Long.parseLong(value);
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return n;
    }
}
