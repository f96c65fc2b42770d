package be.fedauth.benchmarks;

import be.fedauth.core.DigitalKey;
import be.fedauth.testkit.Endpoint;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.OidcClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * sdk-testkit's fake FAS on a loopback port with its defaults, the benchmark client registered and a
 * login chosen in advance (persona "citizen", eID), so that the authorize endpoint answers with the
 * code at once, like a non-interactive mock-oauth2-server.
 */
@State(Scope.Benchmark)
public class FakeFasState {
    static final String REDIRECT = "https://portal.example.be/callback";

    FakeFas fas;
    CodeFlowClient client;

    @Setup(Level.Trial)
    public void start() throws Exception {
        fas = FakeFas.builder().start();
        fas.registerOidcClient(OidcClient.withSecret(FasTokens.CLIENT_ID, FasTokens.CLIENT_SECRET,
                List.of(URI.create(REDIRECT))));
        fas.preselectLogin("citizen", DigitalKey.EID);
        client = new CodeFlowClient(fas.uri(Endpoint.OIDC_AUTHORIZE), fas.uri(Endpoint.OIDC_TOKEN),
                fas.uri(Endpoint.OIDC_USERINFO), FasTokens.CLIENT_ID, FasTokens.CLIENT_SECRET, REDIRECT,
                "openid profile", Map.of());
        client.flow(); // Fails the trial at once if the flow does not work.
    }

    @TearDown(Level.Trial)
    public void stop() {
        fas.close();
    }
}
