package be.fedauth.benchmarks;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * navikt's mock-oauth2-server on a loopback port, non-interactive (the authorize endpoint answers
 * with the code at once), with its default HTTP server (OkHttp's MockWebServer) or its Netty one.
 */
@State(Scope.Benchmark)
public class MockOAuth2ServerState {
    @Param({"default"})
    public String httpServer;

    MockOAuth2Server server;
    CodeFlowClient client;

    @Setup(Level.Trial)
    public void start() throws Exception {
        if ("netty".equals(httpServer)) {
            server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(),
                    Set.of(), new NettyWrapper()));
        } else {
            server = new MockOAuth2Server();
        }
        server.start(InetAddress.getLoopbackAddress(), 0);
        String issuer = "fas";
        client = new CodeFlowClient(server.authorizationEndpointUrl(issuer).uri(), server.tokenEndpointUrl(issuer).uri(),
                server.userInfoUrl(issuer).uri(), FasTokens.CLIENT_ID, FasTokens.CLIENT_SECRET,
                "https://portal.example.be/callback", "openid profile", Map.of());
        client.flow(); // Fails the trial at once if the flow does not work.
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.shutdown();
    }
}
