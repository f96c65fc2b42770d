package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 6: the demo on each era of the timeline through {@code --clock} (the NCTS grace period of
 * 2019, 2023, today), with the fake's login page choosing the keys by date. No login is preselected: each
 * test reads the fake's page the way a user does and posts the button it shows.
 */
class DemoErasTest {
    private static DemoPortal grace2019;
    private static DemoPortal year2023;
    private static DemoPortal today;

    @BeforeAll
    static void start() {
        grace2019 = DemoPortal.start(DemoOptions.parse(new String[] {"--port", "0", "--clock", "2019-11-15"}, Map.of()));
        year2023 = DemoPortal.start(DemoOptions.parse(new String[] {"--port", "0", "--clock", "2023-06-01"}, Map.of()));
        today = DemoPortal.start(DemoOptions.parse(new String[] {"--port", "0"}, Map.of()));
    }

    @AfterAll
    static void stop() {
        for (DemoPortal demo : new DemoPortal[] {grace2019, year2023, today}) {
            if (demo != null) {
                demo.close();
            }
        }
    }

    /** The fake's login page for a login started at the portal with {@code query}. */
    private static HttpResponse<String> loginPage(Browser browser, String query) {
        HttpResponse<String> page = browser.follow(browser.get("/login?" + query));
        assertThat(page.request().uri().getPath()).as(page.body()).isEqualTo("/testkit/login");
        return page;
    }

    @Test
    void point6_clockIn2019_showsTheNctsGracePeriodAndOffersTheToken() {
        HttpResponse<String> home = new Browser(grace2019.url()).get("/");

        assertThat(home.body()).contains("NCTS: GRACE", "/login?service=NCTS&amp;protocol=saml&amp;key=SOCIAL_SECURITY",
                "key=PASSWORD_TOKEN");
    }

    @Test
    void point6_clockIn2023_showsNctsAfterGraceAndStillOffersTheToken() {
        HttpResponse<String> home = new Browser(year2023.url()).get("/");

        assertThat(home.body()).contains("NCTS: AFTER_GRACE", "key=PASSWORD_TOKEN")
                .doesNotContain("key=SOCIAL_SECURITY");
    }

    @Test
    void point6_today_offersTheForeignEidAndNoToken() {
        HttpResponse<String> home = new Browser(today.url()).get("/");

        assertThat(home.body()).contains("key=FOREIGN_EID").doesNotContain("key=PASSWORD_TOKEN");
    }

    @Test
    void point6_johnSmithToday_logsInWithTheForeignEidThroughEidas() {
        Browser browser = new Browser(today.url());
        HttpResponse<String> page = loginPage(browser, "protocol=oidc&key=FOREIGN_EID");
        assertThat(page.body()).contains("id=\"choice-foreigner-FOREIGN_EID\"");

        HttpResponse<String> landed = browser.choose(page, "foreigner|FOREIGN_EID");

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(browser.get("/api/me").body()).contains("\"givenName\":\"John\"", "\"foreigner\":true",
                "\"level\":400", "\"provider\":\"fas-oidc\"");
    }

    @Test
    void point6_johnSmithToday_overSaml_logsInWithTheForeignEid() {
        Browser browser = new Browser(today.url());
        HttpResponse<String> page = loginPage(browser, "protocol=saml&key=FOREIGN_EID");

        HttpResponse<String> landed = browser.choose(page, "foreigner|FOREIGN_EID");

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(browser.get("/api/me").body()).contains("\"foreigner\":true", "\"level\":400", "\"provider\":\"fas-saml\"");
    }

    @Test
    void point6_johnSmithIn2023_logsInWithTheToken() {
        Browser browser = new Browser(year2023.url());
        HttpResponse<String> page = loginPage(browser, "protocol=oidc&key=PASSWORD_TOKEN");
        assertThat(page.body()).contains("id=\"choice-foreigner-PASSWORD_TOKEN\"");

        HttpResponse<String> landed = browser.choose(page, "foreigner|PASSWORD_TOKEN");

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(browser.get("/api/me").body()).contains("\"givenName\":\"John\"", "\"foreigner\":true",
                "\"key\":\"UNNAMED\"", "\"level\":300"); // FAS's OIDC reports the level only (issue 13.2)
    }

    @Test
    void point6_johnSmithIn2023_isNotOfferedTheForeignEid() {
        HttpResponse<String> page = loginPage(new Browser(year2023.url()), "protocol=oidc&key=FOREIGN_EID");

        assertThat(page.body()).doesNotContain("choice-foreigner-FOREIGN_EID", "choice-foreigner-PASSWORD_TOKEN");
    }

    @Test
    void point6_myGovUserToday_logsInAsAnUnnamedKeyAtItsLevelWithANotice() {
        Browser browser = new Browser(today.url());
        HttpResponse<String> page = loginPage(browser, "protocol=oidc");
        assertThat(page.body()).contains("id=\"choice-mygov-user-MYGOV\"");

        HttpResponse<String> landed = browser.choose(page, "mygov-user|MYGOV");

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(browser.get("/api/me").body()).contains("\"givenName\":\"Hanne\"", "\"key\":\"UNNAMED\"", "\"level\":450");
        assertThat(browser.get("/api/me").body()).contains("\"code\":\"unnamed_key\"");
    }

    @Test
    void point6_myGovUserIn2023_isOfferedTheEidOnly() {
        HttpResponse<String> page = loginPage(new Browser(year2023.url()), "protocol=oidc");

        assertThat(page.body()).contains("id=\"choice-mygov-user-EID\"").doesNotContain("choice-mygov-user-MYGOV");
    }

    @Test
    void point6_forRegForeignerToday_logsInWithTheEmailCode() {
        Browser browser = new Browser(today.url());
        HttpResponse<String> page = loginPage(browser, "protocol=oidc");

        HttpResponse<String> landed = browser.choose(page, "foreigner-forreg|PASSWORD_EMAIL_CODE");

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(browser.get("/api/me").body()).contains("\"givenName\":\"Mei\"", "\"foreigner\":true",
                "\"key\":\"UNNAMED\"", "\"level\":350"); // FAS's OIDC reports the level only (issue 13.2)
    }

    /** Logs in today as {@code person} with the eID through the fake's page, then asks for PLDA in Douane Logistics BV. */
    private static HttpResponse<String> pldaForDouaneLogistics(String person) {
        Browser browser = new Browser(today.url());
        HttpResponse<String> landed = browser.choose(loginPage(browser, "protocol=oidc&key=EID"), person + "|EID");
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        return browser.get("/plda?enterprise=0812345603&lang=en");
    }

    @Test
    void point4_chiefAccessManager_entersPldaWithTheRoleSheGrantedHerself() {
        HttpResponse<String> plda = pldaForDouaneLogistics("chief-access-manager");

        assertThat(plda.statusCode()).as(plda.body()).isEqualTo(200);
        assertThat(plda.body()).contains("Sofie works in PLDA for Douane Logistics BV (0812.345.603) as ROLE");
    }

    @Test
    void point4_coManagerWithoutTheRole_isToldToGrantItToHimself() {
        HttpResponse<String> plda = pldaForDouaneLogistics("co-manager");

        assertThat(plda.statusCode()).isEqualTo(403);
        assertThat(plda.headers().firstValue("FedAuth-Error")).contains("role_missing");
        assertThat(plda.body()).contains("grant yourself the role in My eGov role management");
    }

    @Test
    void point4_employeeWithoutTheRole_isToldToAskTheChiefAccessManager() {
        HttpResponse<String> plda = pldaForDouaneLogistics("citizen");

        assertThat(plda.statusCode()).isEqualTo(403);
        assertThat(plda.headers().firstValue("FedAuth-Error")).contains("role_missing");
        assertThat(plda.body()).contains("ask its Chief Access Manager (or a co-manager)", "plda.helpdesk@minfin.fed.be");
    }
}
