package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo with the fake FAS, today: logins over both protocols, access per e-service, the HTTP surface. */
class DemoLoginTest {
    private static DemoPortal demo;
    private static FakeIdp fake;

    @BeforeAll
    static void start() {
        demo = DemoPortal.start(DemoOptions.parse(new String[] {"--port", "0"}, Map.of()));
        fake = demo.fake().orElseThrow();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private HttpResponse<String> login(Browser browser, String person, String key, String query) {
        fake.preselectLogin(person, key);
        return browser.follow(browser.get("/login?" + query + "&key=" + key));
    }

    @Test
    void oidcLogin_nctsEmployee_landsOnMyAccessAndMayEnterNcts() {
        Browser browser = new Browser(demo.url());

        HttpResponse<String> landed = login(browser, "ncts-employee", "EID", "service=NCTS&protocol=oidc");

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(landed.request().uri().getPath()).isEqualTo("/ncts");
        assertThat(landed.body()).contains("Bruno works in NCTS for Transport Dubois SA (0412.345.614) as ROLE");
    }

    @Test
    void apiMe_afterOidcLogin_givesNationalNumberKeyLevelProviderAndRoles() {
        Browser browser = new Browser(demo.url());
        login(browser, "ncts-employee", "EID", "service=NCTS&protocol=oidc");

        HttpResponse<String> me = browser.get("/api/me");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"nationalNumber\":\"79.02.14-121.65\"", "\"key\":\"EID\"", "\"level\":500",
                "\"provider\":\"fas-oidc\"", "\"eService\":\"NCTS\"");
    }

    @Test
    void samlLogin_localManager_mayEnterEmcsAsLocalManager() {
        Browser browser = new Browser(demo.url());

        HttpResponse<String> landed = login(browser, "local-manager", "ITSME", "service=EMCS&protocol=saml");

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(landed.body()).contains("Dirk works in EMCS for Transport Dubois SA (0412.345.614) as LOCAL_MANAGER");
        assertThat(browser.get("/api/me").body()).contains("\"provider\":\"fas-saml\"", "\"key\":\"ITSME\"");
    }

    @Test
    void proposedRole_isToldToAcceptItInRoleManagement() {
        Browser browser = new Browser(demo.url());
        login(browser, "proposed-employee", "ITSME", "service=NCTS&protocol=oidc");

        HttpResponse<String> ncts = browser.get("/ncts?lang=en");

        assertThat(ncts.statusCode()).isEqualTo(403);
        assertThat(ncts.headers().firstValue("FedAuth-Error")).contains("role_not_accepted");
        assertThat(ncts.body()).contains("Accept the role in role management", "helpdesk.ncts@minfin.fed.be");
    }

    @Test
    void myAccess_showsWhereTheUserMayGoAndWhyNot() {
        Browser browser = new Browser(demo.url());

        HttpResponse<String> me = login(browser, "mandate-holder", "EID", "protocol=oidc");

        assertThat(me.request().uri().getPath()).isEqualTo("/me");
        assertThat(me.body()).contains("Eva", "75.06.16-088.79", "customs representative")
                .contains("data-code=\"MANDATE\"", "data-code=\"mandate_not_covering\"");
    }

    @Test
    void apiMe_notLoggedIn_is401() {
        HttpResponse<String> me = new Browser(demo.url()).get("/api/me");

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).isEqualTo("{\"error\":\"not_authenticated\"}");
    }

    @Test
    void protectedPage_notLoggedIn_goesToTheLoginChoices() {
        Browser browser = new Browser(demo.url());

        HttpResponse<String> page = browser.follow(browser.get("/plda"));

        assertThat(page.request().uri().getPath()).isEqualTo("/");
        assertThat(page.body()).contains("Log in to reach /plda", "/login?service=PLDA&amp;protocol=saml&amp;returnTo=%2Fplda");
    }

    @Test
    void logout_endsTheSessionAtThePortalAndTheFake() {
        Browser browser = new Browser(demo.url());
        login(browser, "citizen", "EID", "protocol=oidc");

        HttpResponse<String> logout = browser.get("/logout");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith(fake.baseUri().toString());
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void home_afterTheTokensRetirement_offersNoToken() {
        HttpResponse<String> home = new Browser(demo.url()).get("/");

        assertThat(home.body()).contains("key=EID").doesNotContain("key=PASSWORD_TOKEN");
    }
}
