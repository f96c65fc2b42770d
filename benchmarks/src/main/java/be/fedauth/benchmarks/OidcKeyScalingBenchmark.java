package be.fedauth.benchmarks;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pac4j.oidc.profile.creator.TokenValidator;

/**
 * How OIDC validation grows with the JWKS: 1, 10 or 100 keys, the signing key listed after the
 * others (and, as at FAS, once per RSA algorithm under its kid). The floor does not depend on the
 * JWKS; the report compares with the floor of {@link OidcValidationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OidcKeyScalingBenchmark {
    @Param({"1", "10", "100"})
    public int keys;

    private FasTokens tokens;
    private TokenValidator pac4j;
    private FedauthOidc fedauth;

    @Setup
    public void setUp() throws Exception {
        tokens = FasTokens.mint(keys - 1);
        pac4j = OidcValidationBenchmark.pac4jValidator(tokens);
        fedauth = FedauthOidc.create(tokens);
        pac4jIdToken();
        fedauthCallback();
    }

    @TearDown
    public void tearDown() {
        fedauth.close();
    }

    @Benchmark
    public Object fedauthCallback() {
        return fedauth.validateCallback();
    }

    @Benchmark
    public IDTokenClaimsSet pac4jIdToken() throws Exception {
        return pac4j.validate(JWTParser.parse(tokens.idToken), new Nonce(FasTokens.NONCE));
    }
}
