package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.ErrorCode;
import be.fedauth.demo.peers.Hop;
import be.fedauth.demo.peers.IdpVisit;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "Done when": the demo, configured only by its options, logs in against navikt's
 * mock-oauth2-server (Maven Central, unmodified; started in this JVM on a random loopback port with
 * its login form on) over OpenID Connect, through its HTTP surface. The form takes any user name and
 * the claims as JSON, the way a tester types them: the standard claims and an ID-porten style
 * {@code acr} that the demo's {@code --oidc-levels} maps. The negative twin's claims address the ID
 * token to another client.
 */
class MockOAuth2ServerPeerTest {
    private static final String CLAIMS = "{\"given_name\":\"Marie\",\"family_name\":\"Dupont\","
            + "\"email\":\"marie.dupont@example.be\",\"acr\":\"idporten-loa-substantial\"";
    private static MockOAuth2Server server;
    private static URI issuer;
    private static DemoPortal demo;

    @BeforeAll
    static void start() throws Exception {
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
        server.start(InetAddress.getLoopbackAddress(), 0);
        // One issuer per URL path; its iss is the URL the client called, so call it by address.
        issuer = URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/default");
        demo = PeerLogin.demo(0, "--oidc-issuer", issuer.toString(), "--oidc-client-id", "fedauth-demo",
                "--oidc-profile", "generic", "--oidc-levels", "idporten-loa-substantial=400,idporten-loa-high=500",
                "--oidc-provider-id", "navikt");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void point13_navikt_logsIn_withStandardClaims() {
        String me = PeerLogin.logIn(demo, "oidc", toIdp -> logIn(toIdp, CLAIMS + "}")).me();

        assertThat(me).contains(PeerLogin.MARIE).contains("\"level\":400", "\"provider\":\"navikt\"");
    }

    @Test
    void point13_navikt_idTokenForAnotherClient_isRefused() {
        PeerLogin.logIn(demo, "oidc", toIdp -> logIn(toIdp, CLAIMS + ",\"aud\":\"another-portal\"}"))
                .assertRefused(ErrorCode.AUDIENCE_MISMATCH);
    }

    /** Fills mock-oauth2-server's login form: a user name and the claims as JSON. */
    private static Hop logIn(Hop toIdp, String claims) {
        IdpVisit visit = new IdpVisit(issuer);
        return visit.leave(visit.submit(visit.open(toIdp), Map.of("username", "marie", "claims", claims)));
    }
}
