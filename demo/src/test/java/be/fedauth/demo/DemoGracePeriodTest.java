package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo with its clock set in the NCTS grace period (--clock 2020-06-15). */
class DemoGracePeriodTest {
    private static DemoPortal demo;
    private static FakeIdp fake;

    @BeforeAll
    static void start() {
        demo = DemoPortal.start(DemoOptions.parse(new String[] {"--port", "0", "--clock", "2020-06-15"}, Map.of()));
        fake = demo.fake().orElseThrow();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void home_inGrace_offersTheSocialSecurityLoginForNcts() {
        HttpResponse<String> home = new Browser(demo.url()).get("/");

        assertThat(home.body()).contains("NCTS: GRACE (social-security login until 2020-12-31 inclusive)",
                "/login?service=NCTS&amp;protocol=saml&amp;key=SOCIAL_SECURITY", "key=PASSWORD_TOKEN");
    }

    @Test
    void socialSecurityLogin_inGrace_succeedsWithTheNoticeOfItsLastDay() {
        Browser browser = new Browser(demo.url());
        fake.preselectLogin("socsec-only", "SOCIAL_SECURITY");

        HttpResponse<String> landed = browser.follow(browser.get("/login?service=NCTS&protocol=saml&key=SOCIAL_SECURITY"));

        assertThat(landed.statusCode()).as(landed.body()).isIn(200, 403);
        HttpResponse<String> me = browser.get("/me");
        assertThat(me.body()).contains("social-security", "id=\"notice-legacy_login_ending\"", "31/12/2020");
    }

    @Test
    void foreigner_inGrace_logsInWithTheToken() {
        Browser browser = new Browser(demo.url());
        fake.preselectLogin("foreigner", "PASSWORD_TOKEN");

        HttpResponse<String> me = browser.follow(browser.get("/login?protocol=oidc&key=PASSWORD_TOKEN"));

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        // FAS over OIDC reports the token's level only: never turned into the key (issue 13.2).
        assertThat(browser.get("/api/me").body()).contains("\"nationalNumber\":null", "\"foreigner\":true",
                "\"key\":\"UNNAMED\"", "\"level\":300");
    }
}
