package be.fedauth.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The login page through HTTP: plain HTML form, four languages, persona and key choice, the rules on post. */
class LoginPageTest {
    @RegisterExtension
    static final FakeFasExtension FAS = FakeFasExtension.configured(b -> b.extraEndpoints(new TestProtocol()));
    private static final Pattern BUTTON_ID = Pattern.compile("id=\"choice-([^\"]+)\"");

    private static URI startLogin(FakeFas fas, String parameters) throws Exception {
        HttpResponse<String> authorize = Http.get(URI.create(fas.baseUri()
                + "/test/authorize?redirect_uri=http://127.0.0.1:1/cb&state=s1" + parameters));
        assertThat(authorize.statusCode()).isEqualTo(302);
        return URI.create(Http.location(authorize));
    }

    private static String flowOf(URI page) {
        return page.getQuery().replaceFirst("^flow=", "");
    }

    @Test
    void authorize_withoutPreselection_redirectsToTheLoginPage(FakeFas fas) throws Exception {
        URI page = startLogin(fas, "");

        assertThat(page.toString()).startsWith(fas.loginPageUri() + "?flow=");
    }

    @Test
    void loginPage_offersEachPersonaItsOwnKeys_andIn2023TheForeignerTheTokenOnly(FakeFas fas) throws Exception {
        fas.clock().set(java.time.Instant.parse("2023-06-01T10:00:00Z"));
        String html = Http.get(startLogin(fas, "")).body();

        List<String> buttons = BUTTON_ID.matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(buttons).contains("citizen-EID", "citizen-ITSME", "foreigner-PASSWORD_TOKEN")
                .filteredOn(b -> b.startsWith("foreigner-")).containsExactly("foreigner-PASSWORD_TOKEN");
        assertThat(buttons).noneMatch(b -> b.startsWith("socsec-only-"));
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void point6_loginPageToday_offersJohnSmithTheForeignEid_andShowsTheRetiredTokenToBeRefused(FakeFas fas) throws Exception {
        fas.clock().set(java.time.Instant.parse("2026-06-01T10:00:00Z"));
        String html = Http.get(startLogin(fas, "")).body();

        List<String> buttons = BUTTON_ID.matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(buttons).filteredOn(b -> b.startsWith("foreigner-") && !b.startsWith("foreigner-forreg-"))
                .containsExactlyInAnyOrder("foreigner-FOREIGN_EID", "foreigner-PASSWORD_TOKEN");
        assertThat(buttons).contains("foreigner-forreg-PASSWORD_EMAIL_CODE", "mygov-user-MYGOV", "mygov-user-EID");
        assertThat(html).doesNotContain("token only");
    }

    @Test
    void point6_loginPageIn2023_offersNeitherMyGovNorTheForRegForeignersEmailCode(FakeFas fas) throws Exception {
        fas.clock().set(java.time.Instant.parse("2023-06-01T10:00:00Z"));
        String html = Http.get(startLogin(fas, "")).body();

        List<String> buttons = BUTTON_ID.matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(buttons).contains("mygov-user-EID")
                .noneMatch(b -> b.equals("mygov-user-MYGOV") || b.startsWith("foreigner-forreg-"));
        assertThat(html).contains("foreigner: token only");
    }

    @Test
    void point6_loginPage_offersMyGovFromItsTimelineDayInBrussels(FakeFas fas) throws Exception {
        fas.clock().set(java.time.Instant.parse("2025-09-30T21:59:59Z"));
        assertThat(Http.get(startLogin(fas, "")).body()).doesNotContain("choice-mygov-user-MYGOV");

        fas.clock().set(java.time.Instant.parse("2025-09-30T22:00:00Z"));
        assertThat(Http.get(startLogin(fas, "")).body()).contains("id=\"choice-mygov-user-MYGOV\"");
    }

    @Test
    void loginPage_ofTheSocialSecurityIdp_offersOnlySocialSecurityLogins(FakeFas fas) throws Exception {
        String html = Http.get(startLogin(fas, "&idp=SOCIAL_SECURITY")).body();

        assertThat(BUTTON_ID.matcher(html).results().map(m -> m.group(1)).toList())
                .containsExactly("socsec-only-SOCIAL_SECURITY");
    }

    @Test
    void loginPage_offersOnlyKeysMeetingTheRequestedLevel(FakeFas fas) throws Exception {
        String html = Http.get(startLogin(fas, "&level=450")).body();

        List<String> buttons = BUTTON_ID.matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(buttons).contains("citizen-EID", "citizen-ITSME", "ncts-employee-EID")
                .doesNotContain("ncts-employee-PASSWORD_MOBILE_APP", "proposed-employee-PASSWORD", "foreigner-PASSWORD_TOKEN");
    }

    @ParameterizedTest
    @CsvSource({"fr,Connexion (IdP de test)", "nl,Aanmelden (test-IdP)", "de,Anmeldung (Test-IdP)", "en,Log in (test IdP)"})
    void loginPage_speaksTheLanguageOfTheRequest(String language, String title, FakeFas fas) throws Exception {
        String html = Http.get(startLogin(fas, "&lang=" + language)).body();

        assertThat(html).contains("<html lang=\"" + language + "\"").contains("<title>" + title + "</title>");
    }

    @Test
    void loginPage_languageLinkKeepsTheFlow(FakeFas fas) throws Exception {
        URI page = startLogin(fas, "&lang=fr");

        String german = Http.get(URI.create(page + "&lang=de")).body();

        assertThat(german).contains("Anmeldung (Test-IdP)").contains("choice-citizen-EID")
                .contains("?flow=" + flowOf(page) + "&amp;lang=nl");
    }

    @Test
    void loginPage_escapesTheRelyingPartyName(FakeFas fas) throws Exception {
        String html = Http.get(startLogin(fas, "&rp=%3Cscript%3Ealert(1)%3C/script%3E")).body();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void postingAChoice_completesTheLoginBackToTheApplication(FakeFas fas) throws Exception {
        URI page = startLogin(fas, "");

        HttpResponse<String> done = Http.post(fas.loginPageUri(), Map.of("flow", flowOf(page), "choice", "citizen|ITSME"));

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(Http.location(done)).startsWith("http://127.0.0.1:1/cb?");
        assertThat(Http.locationQuery(done)).containsEntry("person", List.of("citizen"))
                .containsEntry("key", List.of("ITSME")).containsEntry("state", List.of("s1"));
    }

    @Test
    void postingAKeyThePersonDoesNotOwn_isRefusedBackToTheApplication(FakeFas fas) throws Exception {
        URI page = startLogin(fas, "");

        HttpResponse<String> done = Http.post(fas.loginPageUri(), Map.of("flow", flowOf(page), "choice", "citizen|PASSWORD"));

        assertThat(Http.locationQuery(done)).containsEntry("error", List.of("access_denied"))
                .containsEntry("reason", List.of("KEY_NOT_OWNED"));
    }

    @Test
    void postingAnUnknownPersona_isRefusedBackToTheApplication(FakeFas fas) throws Exception {
        URI page = startLogin(fas, "");

        HttpResponse<String> done = Http.post(fas.loginPageUri(), Map.of("flow", flowOf(page), "choice", "nobody|EID"));

        assertThat(Http.locationQuery(done)).containsEntry("reason", List.of("UNKNOWN_PERSON"));
    }

    @Test
    void cancel_isRefusedBackToTheApplication(FakeFas fas) throws Exception {
        URI page = startLogin(fas, "");

        HttpResponse<String> done = Http.post(fas.loginPageUri(), Map.of("flow", flowOf(page), "cancel", "1"));

        assertThat(Http.locationQuery(done)).containsEntry("reason", List.of("CANCELLED"));
    }

    @Test
    void aFlow_isAnsweredOnlyOnce(FakeFas fas) throws Exception {
        String flow = flowOf(startLogin(fas, ""));
        Http.post(fas.loginPageUri(), Map.of("flow", flow, "choice", "citizen|EID"));

        HttpResponse<String> again = Http.post(fas.loginPageUri(), Map.of("flow", flow, "choice", "citizen|EID"));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("id=\"expired\"");
    }

    @Test
    void aFlow_expiresAfterHalfAnHour(FakeFas fas) throws Exception {
        URI page = startLogin(fas, "");
        fas.clock().advance(java.time.Duration.ofMinutes(30));

        assertThat(Http.get(page).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownFlow_showsTheExpiredPage(FakeFas fas) throws Exception {
        HttpResponse<String> response = Http.get(URI.create(fas.loginPageUri() + "?flow=nope&lang=nl"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Deze aanmelding is verlopen of onbekend");
    }

    @Test
    void theLoginPage_isAPlainFormWithoutJavaScript(FakeFas fas) throws Exception {
        String html = Http.get(startLogin(fas, "")).body();

        Matcher form = Pattern.compile("<form method=\"post\" action=\"/testkit/login\">").matcher(html);
        assertThat(form.find()).isTrue();
        assertThat(html).doesNotContain("<script").doesNotContain("onclick").doesNotContain("onload");
    }
}
