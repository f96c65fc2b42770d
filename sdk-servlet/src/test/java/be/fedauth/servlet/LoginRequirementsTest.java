package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.EService;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One session serves every e-service, so what a login must be (its level, its provider) is asked for
 * when it starts and checked again on every protected request: a login made for one e-service does
 * not open another that asks for more.
 */
class LoginRequirementsTest {
    private final Fixture fixture = new Fixture();
    private Portal portal;
    private Browser browser;

    private void start(UnaryOperator<FedAuthSettingsBuilder> settings) {
        portal = Portal.start(settings.apply(fixture.settings()).build());
        browser = new Browser(portal.base());
    }

    @AfterEach
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void login_withoutSettings_asksTheProviderForLevel300() {
        start(s -> s);

        Fixture.startOidc(browser, "");

        assertThat(fixture.oidc.lastRequest().minimumLevel()).contains(AssuranceLevel.LEVEL_300);
    }

    @Test
    void login_forAnEServiceWithItsOwnLevel_asksTheProviderForThatLevel() {
        start(s -> s.minimumLevel(EService.EMCS, AssuranceLevel.LEVEL_450));

        Fixture.startOidc(browser, "service=EMCS");

        assertThat(fixture.oidc.lastRequest().minimumLevel()).contains(AssuranceLevel.LEVEL_450);
    }

    @Test
    void login_withAKeyBelowTheEServiceLevel_isRefusedBeforeTheIdentityProvider() {
        start(s -> s.minimumLevel(EService.EMCS, AssuranceLevel.LEVEL_500));

        HttpResponse<String> response = browser.get("/login?service=EMCS&key=ITSME");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("FedAuth-Error")).contains("level_too_low");
        assertThat(fixture.oidc.lastRequest()).isNull();
    }

    @Test
    void callback_providerReportsALevelBelowTheRequestedOne_isRefused() {
        start(s -> s.minimumLevel(EService.EMCS, AssuranceLevel.LEVEL_500));
        fixture.oidc.reportKey(DigitalKey.ITSME);

        HttpResponse<String> callback = Fixture.loginOidc(browser, Persona.ALICE, "service=EMCS");

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.headers().firstValue("FedAuth-Error")).contains("level_too_low");
        assertThat(browser.get("/account").statusCode()).as("not logged in").isEqualTo(302);
    }

    @Test
    void eServicePage_sessionBelowItsLevel_isRefusedWithALinkToLogInAgain() {
        start(s -> s.minimumLevel(EService.EMCS, AssuranceLevel.LEVEL_500));
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS&key=ITSME");

        HttpResponse<String> emcs = browser.get("/emcs/list");

        assertThat(emcs.statusCode()).isEqualTo(403);
        assertThat(emcs.headers().firstValue("FedAuth-Error")).contains("level_too_low");
        assertThat(emcs.body()).contains("href=\"/login?service=EMCS&amp;returnTo=%2Femcs%2Flist\"");
        assertThat(browser.get("/ncts").statusCode()).isEqualTo(200);
    }

    @Test
    void eServicePage_sessionAtItsLevel_isLetThrough() {
        start(s -> s.minimumLevel(EService.EMCS, AssuranceLevel.LEVEL_500));

        Fixture.loginOidc(browser, Persona.ALICE, "service=EMCS&key=EID");

        assertThat(browser.get("/emcs").statusCode()).isEqualTo(200);
    }

    @Test
    void loginOnlyPage_sessionBelowTheGeneralLevel_isRefused() {
        start(s -> s.minimumLevel(AssuranceLevel.LEVEL_500).minimumLevel(EService.NCTS, AssuranceLevel.LEVEL_400));
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS&key=PASSWORD_MOBILE_APP");

        HttpResponse<String> account = browser.get("/account");

        assertThat(account.statusCode()).isEqualTo(403);
        assertThat(account.headers().firstValue("FedAuth-Error")).contains("level_too_low");
        assertThat(browser.get("/ncts").statusCode()).isEqualTo(200);
    }

    @Test
    void login_throughAProviderNotAllowedForTheEService_isNotStarted() {
        start(s -> s.allowedProviders(EService.EMCS, fixture.saml.id()));

        HttpResponse<String> response = browser.get("/login?service=EMCS&protocol=oidc");

        assertThat(response.headers().firstValue("FedAuth-Error")).contains("provider_not_offered");
        assertThat(fixture.oidc.lastRequest()).isNull();
    }

    @Test
    void eServicePage_sessionOfAProviderNotAllowedThere_isRefused() {
        start(s -> s.allowedProviders(EService.EMCS, fixture.saml.id()));
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");

        HttpResponse<String> emcs = browser.get("/emcs");

        assertThat(emcs.statusCode()).isEqualTo(403);
        assertThat(emcs.headers().firstValue("FedAuth-Error")).contains("provider_not_offered");
        assertThat(browser.get("/ncts").statusCode()).isEqualTo(200);
    }

    @Test
    void api_sessionBelowTheLevel_getsA403WithTheCode() {
        start(s -> s.minimumLevel(AssuranceLevel.LEVEL_500).minimumLevel(EService.NCTS, AssuranceLevel.LEVEL_400));
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS&key=PASSWORD_MOBILE_APP");

        HttpResponse<String> me = browser.get("/api/me", "Accept", "application/json");

        assertThat(me.statusCode()).isEqualTo(403);
        assertThat(me.headers().firstValue("FedAuth-Error")).contains("level_too_low");
    }
}
