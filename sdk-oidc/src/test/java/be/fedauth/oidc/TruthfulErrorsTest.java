package be.fedauth.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.CallbackRequest;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.testkit.Endpoint;
import be.fedauth.testkit.EndpointFault;
import be.fedauth.testkit.OidcAttack;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 12 point 5: each failure says who must act, against the fake FAS over real HTTP on loopback. */
class TruthfulErrorsTest {
    /** The codes sdk-servlet answers with 502 or 500: an identity provider or configuration failure. */
    private static final Set<ErrorCode> SERVER_SIDE = EnumSet.of(ErrorCode.IDP_UNAVAILABLE, ErrorCode.IDP_INVALID_RESPONSE,
            ErrorCode.IDP_ERROR, ErrorCode.STORE_UNAVAILABLE, ErrorCode.INVALID_CONFIGURATION);

    private final FakeFasFixture f = new FakeFasFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private static ErrorCode code(Throwable e) {
        return ((FedAuthException) e).code();
    }

    // (a) a key rotation during a JWKS outage.

    @Test
    void point5_keyRotationDuringAJwksOutage_isIdpUnavailable_andTheNextLoginSucceedsAsSoonAsTheJwksIsBack() {
        OidcProvider provider = f.provider();
        f.login(provider, "citizen", DigitalKey.EID); // The JWKS is cached.
        f.fas.injectFault(Endpoint.OIDC_JWKS, EndpointFault.status(503));
        f.fas.queueAttack(OidcAttack.KEY_ROTATION);

        assertThatThrownBy(() -> f.login(provider, "citizen", DigitalKey.EID)).isInstanceOf(IdpUnavailableException.class)
                .extracting(TruthfulErrorsTest::code).isEqualTo(ErrorCode.IDP_UNAVAILABLE);

        f.fas.clearFaults(); // Same instant: the 30 s refetch interval has not passed.
        assertThat(f.login(provider, "citizen", DigitalKey.EID).key()).isEqualTo(DigitalKey.EID);
    }

    // (b) a truncated userinfo body.

    @Test
    void point5_userinfoJwtCutInHalf_isAnIdpFailure_idpInvalidResponse() {
        OidcProvider provider = f.provider();
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
        CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);
        f.fas.injectFault(Endpoint.OIDC_USERINFO, EndpointFault.malformedBody());

        assertThatThrownBy(() -> provider.finishLogin(cb, r.pendingLogin())).isInstanceOf(IdpUnavailableException.class)
                .extracting(TruthfulErrorsTest::code).isEqualTo(ErrorCode.IDP_INVALID_RESPONSE);
    }

    @Test
    void point5_userinfoShorterThanItsContentLength_isAnIdpFailure_idpInvalidResponse() throws Exception {
        try (ShortBodyServer cut = new ShortBodyServer()) {
            OidcProvider provider = f.provider(b -> b.userinfoEndpoint(cut.uri()));
            LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
            CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);

            assertThatThrownBy(() -> provider.finishLogin(cb, r.pendingLogin()))
                    .isInstanceOf(IdpUnavailableException.class)
                    .extracting(TruthfulErrorsTest::code).isEqualTo(ErrorCode.IDP_INVALID_RESPONSE);
        }
    }

    // (c) an error parameter on the callback is the user's input.

    @Test
    void point5_callbackWithAnyErrorParameter_isRejectedInput_notAnIdpFailure() {
        for (String error : new String[] {"x", "server_error", "temporarily_unavailable", "invalid_scope"}) {
            OidcProvider provider = f.provider();
            LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
            CallbackRequest forged = CallbackRequest.get(Map.of("state", r.pendingLogin().state(), "error", error));

            assertThatThrownBy(() -> provider.finishLogin(forged, r.pendingLogin()))
                    .as(error).isInstanceOf(be.fedauth.core.AuthenticationException.class)
                    .extracting(TruthfulErrorsTest::code).isNotIn(SERVER_SIDE);
        }
    }

    @Test
    void point5_callbackErrors_keepTheirMeaning() {
        assertThat(callbackError("access_denied")).isEqualTo(ErrorCode.LOGIN_CANCELLED);
        assertThat(callbackError("invalid_scope")).isEqualTo(ErrorCode.IDP_REFUSED_REQUEST);
        assertThat(callbackError("unauthorized_client")).isEqualTo(ErrorCode.IDP_REFUSED_REQUEST);
        assertThat(callbackError("server_error")).isEqualTo(ErrorCode.IDP_CALLBACK_ERROR);
        assertThat(callbackError("x")).isEqualTo(ErrorCode.IDP_CALLBACK_ERROR);
    }

    private ErrorCode callbackError(String error) {
        OidcProvider provider = f.provider();
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
        try {
            provider.finishLogin(CallbackRequest.get(Map.of("state", r.pendingLogin().state(), "error", error)),
                    r.pendingLogin());
        } catch (FedAuthException e) {
            return e.code();
        }
        throw new AssertionError("accepted");
    }

    // (d) an identity provider refusing the configuration.

    @Test
    void point5_tokenEndpointRefusingAScope_isAConfigurationError_loggedWithTheDescriptionAndTheScopes() throws Exception {
        WireMockServer idp = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        idp.start();
        try (LogCapture logs = new LogCapture()) {
            idp.stubFor(post("/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_scope\",\"error_description\":\"scope roles is not granted\"}")));
            OidcProvider provider = f.provider(b -> b.tokenEndpoint(URI.create(idp.baseUrl() + "/token")));
            LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
            CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);

            assertThatThrownBy(() -> provider.finishLogin(cb, r.pendingLogin())).isInstanceOf(ConfigurationException.class)
                    .extracting(TruthfulErrorsTest::code).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            assertThat(logs.text()).contains("ERROR").contains("configuration error").contains("error=invalid_scope")
                    .contains("scope roles is not granted").contains("[openid, profile, egovnrn, roles]");
        } finally {
            idp.stop();
        }
    }

    @Test
    void point5_wrongClientSecret_isAConfigurationError() {
        OidcProvider wrong = OidcProvider.create(OidcSettings.builder(f.fas.oidcIssuer(), FakeFasFixture.CLIENT_ID,
                FakeFasFixture.REDIRECT, ClientAuthentication.clientSecretBasic("wrong-secret"))
                .allowHttpForLoopback().clock(f.clock).build());
        LoginRedirect r = wrong.startLogin(LoginRequest.builder().build());
        CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);

        assertThatThrownBy(() -> wrong.finishLogin(cb, r.pendingLogin()))
                .extracting(TruthfulErrorsTest::code).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
    }

    // (e) outages at WARN with a reason that is never "null".

    @Test
    void point5_refusedConnection_isLoggedAtWarnWithTheExceptionClass_neverNull() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI refused = URI.create("http://127.0.0.1:" + closedPort + "/token");
        OidcProvider provider = f.provider(b -> b.tokenEndpoint(refused));
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
        CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);

        try (LogCapture logs = new LogCapture()) {
            assertThatThrownBy(() -> provider.finishLogin(cb, r.pendingLogin()))
                    .extracting(TruthfulErrorsTest::code).isEqualTo(ErrorCode.IDP_UNAVAILABLE);

            assertThat(logs.text()).contains("WARN").contains("idp_unavailable").contains("ConnectException")
                    .doesNotContain("null");
        }
    }

    @Test
    void point5_tokenEndpointAnswering503_isLoggedAtWarn() {
        try (LogCapture logs = new LogCapture()) {
            OidcProvider provider = f.provider();
            LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
            CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);
            f.fas.injectFault(Endpoint.OIDC_TOKEN, EndpointFault.status(503));

            assertThatThrownBy(() -> provider.finishLogin(cb, r.pendingLogin()));
            assertThat(logs.text()).contains("WARN").contains("the token endpoint answered HTTP 503");
        }
    }

    /** Answers every request with a 200 announcing 1000 bytes, sends 40, and closes the connection. */
    private static final class ShortBodyServer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        ShortBodyServer() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "short-body-server");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/userinfo");
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    int matched = 0;
                    byte[] end = {'\r', '\n', '\r', '\n'};
                    int b;
                    while (matched < end.length && (b = in.read()) >= 0) {
                        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/jwt\r\nContent-Length: 1000\r\n\r\n"
                            + "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join();
        }
    }
}
