package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.EService;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.Guidance;
import be.fedauth.core.Language;
import be.fedauth.core.internal.html.Html;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Access per e-service: permits reach the application, denials get a 403 page in the user's language. */
class AccessDeniedPageTest {
    private static final EService CUSTOM = new EService("CUSTOM", "<img src=x onerror=alert(1)>",
            "help+<b>@example.be", List.of("Custom"), false);

    private final Fixture fixture = new Fixture();
    private Portal portal;
    private Browser browser;

    @BeforeEach
    void start() {
        portal = Portal.start(fixture.settings().protect("/custom", CUSTOM)
                .eServices(List.of(EService.EMCS, EService.NCTS, EService.PLDA, CUSTOM)).build());
        browser = new Browser(portal.base());
    }

    @AfterEach
    void stop() throws Exception {
        portal.close();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void emcs_userWithoutRole_gets403WithGuidanceAndHelpdeskInTheBrowsersLanguage(Language language) {
        Fixture.loginOidc(browser, Persona.CAROL, "service=EMCS");

        HttpResponse<String> page = browser.get("/emcs", "Accept-Language", language.code() + "-BE, en;q=0.1");

        Guidance expected = Guidance.of(ErrorCode.ROLE_MISSING, language, EService.EMCS);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("FedAuth-Error")).contains("role_missing");
        assertThat(page.headers().firstValue("Content-Language")).contains(language.code());
        assertThat(page.body()).contains("<html lang=\"" + language.code() + "\"", Html.escape(expected.message()),
                "02 579 33 33", Html.escape(expected.helpdesk().hours()), "mailto:emcs.helpdesk@minfin.fed.be",
                expected.helpdesk().helpPage().orElseThrow().toString(), "<code>role_missing</code>");
    }

    @Test
    void emcs_langParameter_winsOverTheBrowsersLanguage() {
        Fixture.loginOidc(browser, Persona.CAROL, "service=EMCS");

        HttpResponse<String> page = browser.get("/emcs?lang=de", "Accept-Language", "nl-BE,nl;q=0.9");

        assertThat(page.body()).contains("Zugriff verweigert",
                Html.escape(Guidance.of(ErrorCode.ROLE_MISSING, Language.DE).message()));
    }

    @Test
    void emcs_withoutAnyLanguageHint_speaksTheUsersOwnLanguage() {
        Fixture.loginOidc(browser, Persona.CAROL, "service=EMCS");

        HttpResponse<String> page = browser.get("/emcs");

        assertThat(page.headers().firstValue("Content-Language")).contains("de");
    }

    @Test
    void emcs_userWithProposedRole_isToldToAcceptIt() {
        Fixture.loginOidc(browser, Persona.BOB, "service=EMCS");

        HttpResponse<String> page = browser.get("/emcs", "Accept-Language", "fr");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("FedAuth-Error")).contains("role_not_accepted");
        assertThat(page.body()).contains(Html.escape(Guidance.of(ErrorCode.ROLE_NOT_ACCEPTED, Language.FR).message()));
    }

    @Test
    void ncts_userWithAcceptedRole_reachesTheApplicationWithTheDecision() {
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");

        HttpResponse<String> page = browser.get("/ncts/declarations");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("page /ncts/declarations for Alice basis=ROLE");
    }

    @Test
    void plda_localManager_reachesTheApplicationWithoutARole() {
        Fixture.loginOidc(browser, Persona.MANAGER, "service=EMCS");

        assertThat(browser.get("/emcs").body()).isEqualTo("page /emcs for Marc basis=LOCAL_MANAGER");
    }

    @Test
    void emcs_noEnterpriseChosen_isDeniedWithRoleMissing() {
        Fixture.loginOidc(browser, Persona.ALICE, "service=EMCS");

        HttpResponse<String> page = browser.get("/emcs?enterprise=none");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("FedAuth-Error")).contains("role_missing");
    }

    @Test
    void loginOnlyPath_anyLoggedInUser_passes() {
        Fixture.loginOidc(browser, Persona.FOREIGNER, "");

        assertThat(browser.get("/account").body()).isEqualTo("page /account for Jane basis=none");
    }

    @Test
    void deniedPage_escapesTheEServicesNameAndMailbox() {
        Fixture.loginOidc(browser, Persona.ALICE, "service=CUSTOM");

        HttpResponse<String> page = browser.get("/custom", "Accept-Language", "en");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("<img", "<b>").contains("&lt;img src=x onerror=alert(1)&gt;",
                "help+&lt;b&gt;@example.be");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(
                "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }
}
