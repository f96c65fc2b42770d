package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.ErrorCode;
import be.fedauth.demo.peers.Hop;
import be.fedauth.demo.peers.TestKey;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The demo as an operator runs it against an identity provider it did not start (the options of
 * docs/other-identity-providers.md, nothing else), and a login through its HTTP surface with a real
 * HTTP client: {@code /login}, the identity provider's pages, the callback, {@code /api/me}.
 *
 * @param browser the browser that logged in (its cookies hold the portal session, if any)
 * @param landed the page the login ended on
 */
record PeerLogin(Browser browser, HttpResponse<String> landed) {
    /** Marie Dupont as {@code /api/me} shows her: the user every peer test logs in. */
    static final String[] MARIE = {"\"givenName\":\"Marie\"", "\"familyName\":\"Dupont\"",
        "\"email\":\"marie.dupont@example.be\""};
    /** The OIDC client secret every peer test registers (client_secret_basic). */
    static final String CLIENT_SECRET = "peer-client-secret-0123456789abcdef";

    /**
     * Starts the demo on {@code port} (0: a free one), without the fake FAS, with {@code options}; the
     * OIDC client secret ({@link #CLIENT_SECRET}) and the password of the SAML keystore (a
     * {@link TestKey}) come from the environment, as an operator would pass them.
     */
    static DemoPortal demo(int port, String... options) {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--no-fake-idp"));
        args.addAll(List.of(options));
        return DemoPortal.start(DemoOptions.parse(args.toArray(String[]::new), Map.of(
                "FEDAUTH_DEMO_OIDC_CLIENT_SECRET", CLIENT_SECRET, "FEDAUTH_DEMO_SAML_KEYSTORE_PASSWORD", TestKey.PASSWORD)));
    }

    /** {@code http://127.0.0.1:PORT}. */
    static URI loopback(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * A fresh browser opens {@code /login?protocol=PROTOCOL} at {@code demo}, hands the step towards
     * the identity provider to {@code idp} (which logs in there), and takes the step back.
     */
    static PeerLogin logIn(DemoPortal demo, String protocol, UnaryOperator<Hop> idp) {
        Browser browser = new Browser(demo.url());
        HttpResponse<String> start = browser.get("/login?protocol=" + protocol);
        assertThat(start.statusCode()).as("/login answered %s", start.body()).isIn(200, 302, 303);
        return new PeerLogin(browser, browser.go(idp.apply(Hop.from(start))));
    }

    /** Stops what a test class started, last started first; stopping is best effort. */
    static void stop(AutoCloseable... running) {
        for (AutoCloseable r : running) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception e) {
                    // Best effort: the next one still stops.
                }
            }
        }
    }

    /** Asserts that the login ended on the portal's page and returns {@code /api/me}. */
    String me() {
        assertThat(landed.statusCode()).as("%s: %s", landed.headers().firstValue("FedAuth-Error"), landed.body())
                .isEqualTo(200);
        HttpResponse<String> me = browser.get("/api/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return me.body();
    }

    /** Asserts that the login was refused with {@code code} (page status and FedAuth-Error) and left no session. */
    void assertRefused(ErrorCode code) {
        assertThat(landed.headers().firstValue("FedAuth-Error")).as(landed.body()).contains(code.id());
        assertThat(landed.statusCode()).isEqualTo(code.httpStatus());
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }
}
