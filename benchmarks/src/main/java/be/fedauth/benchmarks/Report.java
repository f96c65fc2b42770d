package be.fedauth.benchmarks;

import be.fedauth.benchmarks.Comparison.Kind;
import be.fedauth.benchmarks.Comparison.Ref;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The table of ratios, in Markdown, and where it goes in {@code docs/performance.md}. */
final class Report {
    static final String START = "<!-- results:start (written by benchmarks/run; do not edit by hand) -->";
    static final String END = "<!-- results:end -->";
    static final int SEALED_SIZE_TARGET = 512;

    private Report() {
    }

    static List<Comparison> comparisons() {
        List<Comparison> c = new ArrayList<>();
        for (int t : new int[] {1, 2}) {
            String s = "OIDC callback validation, " + t + (t == 1 ? " thread" : " threads");
            c.add(new Comparison(s, "ID token + userinfo JWT: fedauth vs floor (2 bare RS256 verifications)",
                    Ref.of("fedauth", "fedauthCallback", t), Ref.of("floor", "floorCallback", t), Kind.SLOWER_AT_MOST, 1.25));
            c.add(new Comparison(s, "ID token: fedauth vs floor (1 bare RS256 verification)",
                    Ref.of("fedauth", "fedauthIdToken", t), Ref.of("floor", "floorIdToken", t), Kind.SLOWER_AT_MOST, 1.25));
            c.add(new Comparison(s, "ID token: fedauth vs pac4j-oidc 6.2.2 (speed-up)",
                    Ref.of("fedauth", "fedauthIdToken", t), Ref.of("pac4j", "pac4jIdToken", t), Kind.FASTER_AT_LEAST, 1.3));
            c.add(new Comparison(s, "ID token: pac4j-oidc vs floor",
                    Ref.of("pac4j", "pac4jIdToken", t), Ref.of("floor", "floorIdToken", t), Kind.SLOWER_INFO, 0));
            if (t == 1) {
                c.add(new Comparison(s, "diagnostic: floor + reading both tokens' claims with Nimbus vs floor",
                        Ref.of("floor+claims", "floorCallbackWithClaims", 1), Ref.of("floor", "floorCallback", 1),
                        Kind.SLOWER_INFO, 0));
                c.add(new Comparison(s, "diagnostic: floor + claims read with the JDK's base64url decoder vs floor",
                        Ref.of("floor+claims", "floorCallbackWithClaimsJdkBase64", 1), Ref.of("floor", "floorCallback", 1),
                        Kind.SLOWER_INFO, 0));
                c.add(new Comparison(s, "diagnostic: fedauth callback vs floor + claims read with Nimbus",
                        Ref.of("fedauth", "fedauthCallback", 1), Ref.of("floor+claims", "floorCallbackWithClaims", 1),
                        Kind.SLOWER_INFO, 0));
                c.add(new Comparison(s, "ID token: Nimbus IDTokenValidator vs floor",
                        Ref.of("Nimbus", "nimbusIdTokenValidator", 1), Ref.of("floor", "floorIdToken", 1),
                        Kind.SLOWER_INFO, 0));
                c.add(new Comparison(s, "ES256 ID token: fedauth vs JDK provider (speed-up)",
                        Ref.of("fedauth", "fedauthEs256IdToken", 1), Ref.of("JDK", "es256Jdk", 1),
                        Kind.FASTER_AT_LEAST, 4));
                c.add(new Comparison(s, "ES256 signature: Bouncy Castle vs JDK provider (speed-up)",
                        Ref.of("BC", "es256Bc", 1), Ref.of("JDK", "es256Jdk", 1), Kind.FASTER_AT_LEAST, 4));
                c.add(new Comparison(s, "finishLogin over loopback HTTP (token + userinfo calls) vs validation alone",
                        Ref.of("finishLogin", "fedauthFinishLoginLoopback", 1), Ref.of("fedauth", "fedauthCallback", 1),
                        Kind.SLOWER_INFO, 0));
                c.add(new Comparison(s, "finishLogin over loopback HTTP vs its two HTTP calls alone",
                        Ref.of("finishLogin", "fedauthFinishLoginLoopback", 1), Ref.of("HTTP only", "httpOnlyLoopback", 1),
                        Kind.SLOWER_INFO, 0));
            }
        }

        String k = "OIDC: cost by JWKS size";
        for (String n : new String[] {"10", "100"}) {
            c.add(new Comparison(k, "fedauth callback, " + n + " keys vs 1 key",
                    Ref.of("fedauth", "fedauthCallback", Map.of("keys", n)), Ref.of("fedauth", "fedauthCallback",
                    Map.of("keys", "1")), Kind.SLOWER_INFO, 0));
            c.add(new Comparison(k, "pac4j ID token, " + n + " keys vs 1 key",
                    Ref.of("pac4j", "pac4jIdToken", Map.of("keys", n)), Ref.of("pac4j", "pac4jIdToken",
                    Map.of("keys", "1")), Kind.SLOWER_INFO, 0));
        }
        c.add(new Comparison(k, "fedauth callback vs floor, 100 keys",
                Ref.of("fedauth", "fedauthCallback", Map.of("keys", "100")), Ref.of("floor", "floorCallback", 1),
                Kind.SLOWER_AT_MOST, 1.25));

        String saml = "SAML response validation";
        c.add(new Comparison(saml, "signed assertion (10 attributes): fedauth vs floor (unmarshal + verify)",
                Ref.of("fedauth", "fedauthSigned", Map.of("attributes", "10")),
                Ref.of("floor", "floorSigned", Map.of("attributes", "10")), Kind.SLOWER_AT_MOST, 1.3));
        c.add(new Comparison(saml, "encrypted assertion (10 attributes): fedauth vs floor (unmarshal + decrypt + verify)",
                Ref.of("fedauth", "fedauthEncrypted", Map.of("attributes", "10")),
                Ref.of("floor", "floorEncrypted", Map.of("attributes", "10")), Kind.SLOWER_AT_MOST, 1.3));
        c.add(new Comparison(saml, "signed assertion (100 attributes): fedauth vs floor",
                Ref.of("fedauth", "fedauthSigned", Map.of("attributes", "100")),
                Ref.of("floor", "floorSigned", Map.of("attributes", "100")), Kind.SLOWER_AT_MOST, 1.3));
        for (String n : new String[] {"10", "100"}) {
            c.add(new Comparison(saml, "diagnostic: floor + schema validation of the DOM vs floor, " + n + " attributes",
                    Ref.of("floor+schema", "floorSignedWithSchema", Map.of("attributes", n)),
                    Ref.of("floor", "floorSigned", Map.of("attributes", n)), Kind.SLOWER_INFO, 0));
            c.add(new Comparison(saml, "diagnostic: fedauth vs floor + schema validation, " + n + " attributes",
                    Ref.of("fedauth", "fedauthSigned", Map.of("attributes", n)),
                    Ref.of("floor+schema", "floorSignedWithSchema", Map.of("attributes", n)), Kind.SLOWER_INFO, 0));
        }
        c.add(new Comparison(saml, "fedauth, 100 attributes vs 10",
                Ref.of("fedauth", "fedauthSigned", Map.of("attributes", "100")),
                Ref.of("fedauth", "fedauthSigned", Map.of("attributes", "10")), Kind.SLOWER_INFO, 0));
        c.add(new Comparison(saml, "floor, 100 attributes vs 10",
                Ref.of("floor", "floorSigned", Map.of("attributes", "100")),
                Ref.of("floor", "floorSigned", Map.of("attributes", "10")), Kind.SLOWER_INFO, 0));

        String idp = "Fake IdP throughput (loopback HTTP, 2 client threads)";
        for (String server : new String[] {"default", "netty"}) {
            c.add(new Comparison(idp, "OIDC code flows/s: fake FAS vs mock-oauth2-server (" + server + " HTTP server)",
                    new Ref("fake FAS", "fakeFasCodeFlow", Map.of(), 2),
                    new Ref("mock-oauth2-server", "mockOAuth2ServerCodeFlow", Map.of("httpServer", server), 2),
                    Kind.MORE_AT_LEAST, 2));
        }
        c.add(new Comparison(idp, "SAML logins/s vs OIDC code flows/s, fake FAS",
                new Ref("SAML", "fakeFasSamlLogin", Map.of(), 2), new Ref("OIDC", "fakeFasCodeFlow", Map.of(), 2),
                Kind.MORE_INFO, 0));
        return c;
    }

    static String render(Runs runs, boolean quick, long seconds, int sealedSize, int samlSize10, int samlSize100) {
        StringBuilder sb = new StringBuilder();
        sb.append(START).append("\n\n");
        sb.append("Measured ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC").append(quick ? " in **quick mode (figures are meaningless)**" : "")
                .append(", suite run time ").append(seconds / 60).append(" min ").append(seconds % 60).append(" s.\n\n");
        sb.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc), ")
                .append(cpuModel()).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append('\n');
        sb.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append(")\n");
        sb.append("- JMH 1.37, one fork per benchmark, average time per operation unless stated\n\n");

        String section = null;
        for (Comparison c : comparisons()) {
            if (!c.section().equals(section)) {
                section = c.section();
                sb.append("\n### ").append(section).append("\n\n");
                if (section.startsWith("SAML")) {
                    sb.append("Signed response XML: ").append(samlSize10).append(" bytes with 10 attributes, ")
                            .append(samlSize100).append(" bytes with 100.\n\n");
                }
                sb.append("| measure | subject | reference | ratio | target | verdict |\n");
                sb.append("|---|---:|---:|---:|---|---|\n");
            }
            Optional<Double> ratio = c.ratio(runs);
            sb.append("| ").append(c.measure()).append(" | ").append(cell(c.subject(), runs)).append(" | ")
                    .append(cell(c.reference(), runs)).append(" | ")
                    .append(ratio.map(r -> Comparison.fmt(r) + "x").orElse("-")).append(" | ").append(c.targetText())
                    .append(" | ").append(c.verdict(runs)).append(" |\n");
        }

        sb.append("\n### Sealed pending login\n\n| measure | value | target | verdict |\n|---|---:|---|---|\n");
        sb.append("| sealed size (OIDC login: state, nonce, PKCE verifier, level, keys, e-service, return path) | ")
                .append(sealedSize).append(" bytes | < ").append(SEALED_SIZE_TARGET).append(" bytes | ")
                .append(sealedSize < SEALED_SIZE_TARGET ? "met" : "MISSED").append(" |\n");
        Optional<Runs.Figure> both = runs.find("sealAndOpen", Map.of(), 1);
        sb.append("| seal + open | ").append(both.map(Report::figure).orElse("-")).append(" | < 20 us | ")
                .append(both.map(f -> f.score() < 20 ? "met" : "MISSED").orElse("not measured")).append(" |\n");
        for (String m : new String[] {"seal", "open"}) {
            sb.append("| ").append(m).append(" alone | ")
                    .append(runs.find(m, Map.of(), 1).map(Report::figure).orElse("-")).append(" | - | |\n");
        }

        sb.append("\n### Replay cache on Redis (checks per second, one node)\n\n| check | 1 thread | 4 threads |\n|---|---:|---:|\n");
        for (String[] row : new String[][] {{"redisFresh", "new id on Redis (SET NX PX)"},
                {"redisReplay", "replayed id on Redis (refused)"}, {"inMemoryFresh", "new id in memory (core default)"}}) {
            sb.append("| ").append(row[1]).append(" | ")
                    .append(runs.find(row[0], Map.of(), 1).map(Report::figure).orElse("-")).append(" | ")
                    .append(runs.find(row[0], Map.of(), 4).map(Report::figure).orElse("-")).append(" |\n");
        }

        sb.append("\n### Every figure\n\n| benchmark | parameters | threads | score |\n|---|---|---:|---:|\n");
        for (Runs.Figure f : runs.all()) {
            String shortName = f.benchmark().substring(f.benchmark().lastIndexOf('.', f.benchmark().lastIndexOf('.') - 1) + 1);
            sb.append("| ").append(shortName).append(" | ")
                    .append(f.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(f.threads()).append(" | ").append(figure(f)).append(" |\n");
        }
        sb.append('\n').append(END).append('\n');
        return sb.toString();
    }

    private static String cell(Ref ref, Runs runs) {
        return ref.label() + " " + ref.in(runs).map(Report::figure).orElse("-");
    }

    static String figure(Runs.Figure f) {
        String unit = f.unit().replace("us/op", "us").replace("ops/s", "/s");
        String error = Double.isNaN(f.error()) ? "" : " ± " + Comparison.fmt(f.error());
        return Comparison.fmt(f.score()) + error + " " + unit;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    /** Replaces the generated block in {@code file}, keeping the hand-written text around it. */
    static void write(Path file, String block) throws IOException {
        String text;
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int s = old.indexOf(START);
            int e = old.indexOf(END);
            if (s >= 0 && e > s) {
                int after = e + END.length();
                if (after < old.length() && old.charAt(after) == '\n') {
                    after++;
                }
                text = old.substring(0, s) + block + old.substring(after);
            } else {
                text = old + "\n" + block;
            }
        } else {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            text = "# Performance\n\n" + block;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
