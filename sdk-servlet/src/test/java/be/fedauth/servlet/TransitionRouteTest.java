package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.EService;
import be.fedauth.core.ProviderId;
import be.fedauth.core.Transition;
import be.fedauth.core.TransitionAuthenticationProvider;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NCTS through a transition provider, the other e-services through the federal login directly. */
class TransitionRouteTest {
    private final Fixture fixture = new Fixture();
    private final FakeProvider socialSecurity = new FakeProvider("social-security", FakeProvider.Flavour.POST,
            EnumSet.of(DigitalKey.SOCIAL_SECURITY), fixture.clock);
    private final Instant graceEnd = Fixture.START.plus(Duration.ofMinutes(5));
    private Portal portal;
    private Browser browser;

    @BeforeEach
    void start() {
        TransitionAuthenticationProvider ncts = TransitionAuthenticationProvider.builder(ProviderId.of("ncts"),
                new Transition(socialSecurity.id(), fixture.oidc.id(), Instant.parse("2019-10-24T00:00:00Z"), graceEnd),
                socialSecurity, fixture.oidc).clock(fixture.clock).build();
        portal = Portal.start(fixture.settings().provider(EService.NCTS, "oidc", ncts).build());
        browser = new Browser(portal.base());
    }

    @AfterEach
    void stop() throws Exception {
        portal.close();
    }

    @Test
    void ncts_inGrace_legacyLoginSucceedsWithANoticeOfItsLastDay() {
        HttpResponse<String> form = browser.get("/login?service=NCTS&key=SOCIAL_SECURITY");
        Map<String, List<String>> request = Browser.hiddenFields(form.body());
        assertThat(form.body()).contains("https://idp.example/social-security/sso");

        HttpResponse<String> callback = browser.post("/callback/saml", Fixture.samlResponse(request, Persona.ALICE));

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(browser.get("/api/me").body()).contains("\"provider\":\"social-security\"",
                "\"code\":\"legacy_login_ending\"", "\"lastDay\":\"2026-03-02\"");
    }

    @Test
    void emcs_legacySessionMadeForNcts_isRefused() {
        logInThroughTheLegacyProviderForNcts();

        HttpResponse<String> emcs = browser.get("/emcs");

        assertThat(emcs.statusCode()).isEqualTo(403);
        assertThat(emcs.headers().firstValue("FedAuth-Error")).contains("provider_not_offered");
        assertThat(browser.get("/ncts").statusCode()).isEqualTo(200);
    }

    @Test
    void ncts_legacySessionOnceGraceEnds_isRefusedEverywhere() {
        logInThroughTheLegacyProviderForNcts();
        fixture.clock.set(graceEnd);

        HttpResponse<String> ncts = browser.get("/ncts");

        assertThat(ncts.statusCode()).isEqualTo(403);
        assertThat(ncts.headers().firstValue("FedAuth-Error")).contains("transition_grace_expired");
        assertThat(browser.get("/account").headers().firstValue("FedAuth-Error")).contains("transition_grace_expired");
    }

    private void logInThroughTheLegacyProviderForNcts() {
        HttpResponse<String> form = browser.get("/login?service=NCTS&key=SOCIAL_SECURITY");
        HttpResponse<String> callback = browser.post("/callback/saml",
                Fixture.samlResponse(Browser.hiddenFields(form.body()), Persona.ALICE));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
    }

    @Test
    void ncts_inGrace_eidGoesToTheFederalLogin() {
        HttpResponse<String> start = browser.get("/login?service=NCTS&key=EID");

        assertThat(start.headers().firstValue("Location").orElseThrow()).startsWith("https://idp.example/fake-oidc/");
        assertThat(Fixture.oidcCallback(browser, Fixture.state(start), Persona.ALICE).statusCode()).isEqualTo(302);
    }

    @Test
    void ncts_graceEndsDuringTheLegacyLogin_isRefused() {
        HttpResponse<String> form = browser.get("/login?service=NCTS&key=SOCIAL_SECURITY");
        fixture.clock.set(graceEnd);

        HttpResponse<String> callback = browser.post("/callback/saml",
                Fixture.samlResponse(Browser.hiddenFields(form.body()), Persona.ALICE));

        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(callback.headers().firstValue("FedAuth-Error")).contains("transition_grace_expired");
        assertThat(callback.body()).contains("mailto:helpdesk.ncts@minfin.fed.be");
    }

    @Test
    void ncts_afterGrace_legacyLoginIsNotStarted() {
        fixture.clock.set(graceEnd.plusSeconds(1));

        HttpResponse<String> response = browser.get("/login?service=NCTS&key=SOCIAL_SECURITY");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("FedAuth-Error")).contains("transition_grace_expired");
    }

    @Test
    void emcs_legacyKey_isNotOfferedByTheGeneralRoute() {
        HttpResponse<String> response = browser.get("/login?service=EMCS&key=SOCIAL_SECURITY");

        assertThat(response.headers().firstValue("FedAuth-Error")).contains("key_not_offered");
    }

    @Test
    void legacyPendingLogin_presentedToTheGeneralRoute_isRefused() {
        HttpResponse<String> form = browser.get("/login?service=NCTS&key=SOCIAL_SECURITY");
        String cookie = browser.cookie("fedauth_pending").orElseThrow();
        browser.forget("fedauth_pending");
        browser.setCookie("fedauth_pending", cookie.replaceFirst("^oidc\\.", "saml."), "/callback");

        HttpResponse<String> callback = browser.post("/callback/saml",
                Fixture.samlResponse(Browser.hiddenFields(form.body()), Persona.ALICE));

        assertThat(callback.headers().firstValue("FedAuth-Error")).contains("pending_login_invalid");
    }
}
