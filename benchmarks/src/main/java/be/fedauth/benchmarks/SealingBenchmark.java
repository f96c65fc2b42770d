package be.fedauth.benchmarks;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.EService;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.ProviderId;
import be.fedauth.core.SealingKey;
import be.fedauth.core.spi.RandomValues;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sealed pending login (core {@link PendingLoginSealer}, AES-256-GCM): seal, open, and both, on a
 * full OIDC pending login (state, nonce, PKCE verifier, level, keys, e-service, return path). Its
 * size is reported by {@link #sealedSize()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SealingBenchmark {
    private PendingLoginSealer sealer;
    private PendingLogin pending;
    private String sealed;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        sealer = PendingLoginSealer.create(SealingKey.generate("k2026-11"), clock);
        pending = typicalPendingLogin(clock);
        sealed = sealer.seal(pending);
        if (!sealer.open(sealed).equals(pending)) {
            throw new IllegalStateException("seal and open do not round-trip");
        }
    }

    /** The pending login an OIDC login to NCTS at level 400 with itsme or eID leaves behind. */
    static PendingLogin typicalPendingLogin(Clock clock) {
        RandomValues random = RandomValues.secure();
        LoginRequest request = LoginRequest.builder().eService(EService.NCTS).minimumLevel(AssuranceLevel.LEVEL_400)
                .key(DigitalKey.EID).key(DigitalKey.ITSME).returnTo("/ncts/declarations/new").build();
        return PendingLogin.builder(new ProviderId("fas-oidc"), request, random.next(), clock.instant())
                .nonce(random.next()).codeVerifier(random.next()).build();
    }

    /** The length of the sealed string, in bytes (ASCII), for the report. */
    public static int sealedSize() {
        SealingBenchmark b = new SealingBenchmark();
        b.setUp();
        return b.sealed.length();
    }

    @Benchmark
    public String seal() {
        return sealer.seal(pending);
    }

    @Benchmark
    public PendingLogin open() {
        return sealer.open(sealed);
    }

    @Benchmark
    public PendingLogin sealAndOpen() {
        return sealer.open(sealer.seal(pending));
    }
}
