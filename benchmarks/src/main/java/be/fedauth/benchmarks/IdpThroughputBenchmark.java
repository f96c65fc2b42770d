package be.fedauth.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Fake identity providers under load: complete OIDC code flows (authorize, token, userinfo, PKCE)
 * per second over loopback HTTP, driven by one {@link CodeFlowClient}, and SAML logins per second.
 * The client runs in the same JVM as the server, as in a vendor's load test.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IdpThroughputBenchmark {

    @Benchmark
    public int fakeFasCodeFlow(FakeFasState idp) throws Exception {
        return idp.client.flow();
    }

    /** A whole SAML login: sdk-saml's startLogin, the fake FAS's SSO endpoint, sdk-saml's finishLogin. */
    @Benchmark
    public Object fakeFasSamlLogin(FakeFasSamlState idp) throws Exception {
        return idp.login();
    }

    @Benchmark
    public int mockOAuth2ServerCodeFlow(MockOAuth2ServerState idp) throws Exception {
        return idp.client.flow();
    }
}
