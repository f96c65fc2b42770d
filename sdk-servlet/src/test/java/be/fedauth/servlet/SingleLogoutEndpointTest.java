package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.spi.AuditEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 point 4: SAML Single Logout through the filter, against a SAML provider whose identity
 * provider ({@link SamlPeer}) writes and signs its messages independently of the SDK.
 */
class SingleLogoutEndpointTest {
    private final Fixture fixture = new Fixture();
    private final SamlPeer peer = new SamlPeer("fed-saml", fixture.clock, true);
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private Portal portal;
    private Browser browser;

    @BeforeEach
    void start() {
        portal = Portal.start(FedAuthSettings.builder().provider("saml", peer.provider).provider("oidc", fixture.oidc)
                .sealedPendingLogins(fixture.key).publicUrl(java.net.URI.create("http://127.0.0.1"))
                .afterLogoutPath("/public/logged-out").auditSink(audit::add, new byte[16]).clock(fixture.clock).build());
        browser = new Browser(portal.base());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private void logIn(Persona persona) {
        var request = Fixture.startSaml(browser, "service=PLDA");
        HttpResponse<String> callback = browser.post("/callback/saml", Fixture.samlResponse(request, persona));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    }

    private static String xml(String redirectUrl, String parameter) {
        return new String(SamlPeer.inflate(SamlPeer.parameter(redirectUrl, parameter)), StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<String> page, int status, String code) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
        assertThat(page.headers().firstValue("FedAuth-Error")).contains(code);
        assertThat(page.body()).contains("<title>Logout failed</title>", "<code>" + code + "</code>");
    }

    // ---- IdP-initiated

    @Test
    void point4_idpLogoutRequest_forThisBrowsersSession_endsItAndAnswersWithASignedSuccess() {
        logIn(Persona.ALICE);

        HttpResponse<String> answer = browser.get("/saml/slo?" + peer.logoutRequest("_lr-1", Persona.ALICE, "s-1", "r1"),
                "Accept-Language", "en");

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(SamlPeer.IDP_SLO + "?SAMLResponse=");
        assertThat(SamlPeer.parameter(location, "RelayState")).isEqualTo("r1");
        assertThat(peer.signedBySp(location, "SAMLResponse")).isTrue();
        assertThat(xml(location, "SAMLResponse")).contains("InResponseTo=\"_lr-1\"", "status:Success");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("logout");
            assertThat(e.details()).containsEntry("initiator", "identity_provider");
        });
    }

    @Test
    void point4_idpLogoutRequest_forAnotherSubject_keepsThisSessionAndStillAnswersSuccess() {
        logIn(Persona.ALICE);

        HttpResponse<String> answer = browser.get("/saml/slo?" + peer.logoutRequest("_lr-2", Persona.BOB, "s-1", "r"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(xml(answer.headers().firstValue("Location").orElseThrow(), "SAMLResponse")).contains("status:Success");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void point4_idpLogoutRequest_forAnotherSessionOfTheSameSubject_keepsThisSession() {
        logIn(Persona.ALICE);

        HttpResponse<String> answer = browser.get("/saml/slo?" + peer.logoutRequest("_lr-3", Persona.ALICE, "s-2", "r"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void point4_idpLogoutRequest_inABrowserWithoutSession_answersSuccess() {
        HttpResponse<String> answer = browser.get("/saml/slo?" + peer.logoutRequest("_lr-4", Persona.ALICE, "s-1", "r"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(xml(answer.headers().firstValue("Location").orElseThrow(), "SAMLResponse")).contains("status:Success");
    }

    @Test
    void point4_replayedIdpLogoutRequest_isRefusedWithReplayDetected() {
        String query = peer.logoutRequest("_lr-5", Persona.ALICE, "s-1", "r");
        assertThat(browser.get("/saml/slo?" + query).statusCode()).isEqualTo(302);
        logIn(Persona.ALICE);

        HttpResponse<String> again = browser.get("/saml/slo?" + query, "Accept-Language", "en");

        assertRefused(again, 400, "replay_detected");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void point4_idpLogoutRequestSignedByAnotherKey_showsTheErrorPageWithInvalidSignature() {
        logIn(Persona.ALICE);
        String forged = peer.signedByAnotherKey("SAMLRequest", peer.logoutRequest("_lr-6", Persona.ALICE, "s-1", "r"));

        HttpResponse<String> page = browser.get("/saml/slo?" + forged, "Accept-Language", "en");

        assertRefused(page, 400, "invalid_signature");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void point4_messageWithNeitherRequestNorResponse_isRefusedWithMalformedCallback() {
        assertRefused(browser.get("/saml/slo?RelayState=x", "Accept-Language", "en"), 400, "malformed_callback");
        assertThat(audit).anySatisfy(e -> assertThat(e.type()).isEqualTo("logout_message_refused"));
    }

    @Test
    void point4_messageNoConfiguredProviderRecognises_isRefusedWithIssuerMismatch() {
        String query = peer.logoutRequest("_lr-7", Persona.ALICE, "s-1", "r")
                .replaceFirst("SAMLRequest=[^&]*", "SAMLRequest=bm90IGEgbWVzc2FnZQ");

        assertRefused(browser.get("/saml/slo?" + query, "Accept-Language", "en"), 400, "issuer_mismatch");
    }

    @Test
    void point4_singleLogout_postedTo_is405() {
        HttpResponse<String> post = browser.post("/saml/slo", Browser.form("SAMLRequest", "x"));

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
    }

    // ---- SP-initiated

    /** Logs out at /logout; returns the LogoutRequest redirect to the identity provider. */
    private String logOut() {
        logIn(Persona.ALICE);
        HttpResponse<String> logout = browser.get("/logout");
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        return logout.headers().firstValue("Location").orElseThrow();
    }

    private static String requestId(String logoutRedirect) {
        return xml(logoutRedirect, "SAMLRequest").replaceAll("(?s).*\\bID=\"([^\"]+)\".*", "$1");
    }

    @Test
    void point4_logout_sendsASignedLogoutRequestWithAFreshStateKeptInACookie() {
        String redirect = logOut();

        assertThat(redirect).startsWith(SamlPeer.IDP_SLO + "?SAMLRequest=");
        assertThat(peer.signedBySp(redirect, "SAMLRequest")).isTrue();
        assertThat(xml(redirect, "SAMLRequest")).contains(SamlPeer.nameId(Persona.ALICE), ">s-1<");
        String state = SamlPeer.parameter(redirect, "RelayState");
        assertThat(state).matches("[A-Za-z0-9_-]{43}");
        assertThat(browser.cookie("fedauth_logout")).contains(state);
    }

    @Test
    void point4_idpAnswerWithTheKeptState_landsOnTheAfterLogoutPath() {
        String redirect = logOut();
        String answer = peer.logoutResponse(requestId(redirect), SamlPeer.parameter(redirect, "RelayState"));

        HttpResponse<String> back = browser.get("/saml/slo?" + answer);

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).contains("/public/logged-out");
        assertThat(back.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("fedauth_logout=;"));
    }

    @Test
    void point4_idpAnswerWithAnotherState_isRefusedWithStateMismatch() {
        String redirect = logOut();
        String answer = peer.logoutResponse(requestId(redirect), "another-state-of-another-browser");

        assertRefused(browser.get("/saml/slo?" + answer, "Accept-Language", "en"), 400, "state_mismatch");
    }

    @Test
    void point4_idpAnswerInABrowserThatKeepsNoState_isRefusedWithStateMismatch() {
        String redirect = logOut();
        String answer = peer.logoutResponse(requestId(redirect), SamlPeer.parameter(redirect, "RelayState"));
        browser.forget("fedauth_logout");

        assertRefused(browser.get("/saml/slo?" + answer, "Accept-Language", "en"), 400, "state_mismatch");
    }

    @Test
    void point4_idpAnswerUsedTwice_isRefusedTheSecondTime() {
        String redirect = logOut();
        String answer = peer.logoutResponse(requestId(redirect), SamlPeer.parameter(redirect, "RelayState"));
        assertThat(browser.get("/saml/slo?" + answer).statusCode()).isEqualTo(302);

        assertRefused(browser.get("/saml/slo?" + answer, "Accept-Language", "en"), 400, "state_mismatch");
    }

    @Test
    void point4_idpAnswerToAnotherRequest_isRefusedWithInResponseToMismatch() {
        String redirect = logOut();
        String answer = peer.logoutResponse("_another-request", SamlPeer.parameter(redirect, "RelayState"));

        assertRefused(browser.get("/saml/slo?" + answer, "Accept-Language", "en"), 400, "in_response_to_mismatch");
    }

    @Test
    void point4_oidcLogout_setsNoLogoutCookieAndReturnsThroughThePostLogoutRedirect() {
        Fixture.loginOidc(browser, Persona.ALICE, "protocol=oidc&service=PLDA");

        HttpResponse<String> logout = browser.get("/logout");

        assertThat(logout.headers().firstValue("Location")).get().asString().startsWith("https://idp.example/fake-oidc/logout");
        assertThat(browser.cookie("fedauth_logout")).isEmpty();
    }

    @Test
    void point4_behindHttps_theLogoutStateCookieIsHostPrefixedSecureAndHttpOnly() {
        portal.close();
        portal = Portal.start(FedAuthSettings.builder().provider("saml", peer.provider).sealedPendingLogins(fixture.key)
                .publicUrl(java.net.URI.create("https://portal.example.be")).clock(fixture.clock).build());
        browser = new Browser(portal.base());
        logIn(Persona.ALICE);

        HttpResponse<String> logout = browser.get("/logout");

        assertThat(logout.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("__Host-fedauth_logout=" + SamlPeer.parameter(logout.headers().firstValue("Location")
                        .orElseThrow(), "RelayState") + ";")
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax").doesNotContain("Domain"));
    }
}
