package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 13 points 3 and 4 in the demo over HTTP: its SP metadata, and every logout ending on its logged-out page. */
class DemoLogoutTest {
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

    private static Browser loggedIn(String protocol) {
        Browser browser = new Browser(demo.url());
        fake.preselectLogin("citizen", "EID");
        HttpResponse<String> me = browser.follow(browser.get("/login?protocol=" + protocol + "&key=EID"));
        assertThat(me.request().uri().getPath()).as(me.body()).isEqualTo("/me");
        return browser;
    }

    @Test
    void point4_oidcLogout_returnsFromTheIdpToThePortalsLoggedOutPage() {
        Browser browser = loggedIn("oidc");

        HttpResponse<String> end = browser.follow(browser.get("/logout"));

        assertThat(end.request().uri().getPath()).isEqualTo("/logged-out");
        assertThat(end.body()).contains("id=\"logged-out\"", "You are logged out of the portal.");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void point4_samlLogout_returnsThroughTheSingleLogoutEndpointToTheLoggedOutPage() {
        Browser browser = loggedIn("saml");

        HttpResponse<String> logout = browser.get("/logout");
        HttpResponse<String> end = browser.follow(logout);

        assertThat(logout.headers().firstValue("Location").orElseThrow())
                .startsWith(fake.baseUri() + "/fas/SLO/metaAlias/idp?SAMLRequest=");
        assertThat(end.request().uri().getPath()).isEqualTo("/logged-out");
        assertThat(end.body()).contains("You are logged out of the portal.");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void point3_metadata_isThePortalsSignedSpMetadataWithItsAcsAndSloUrls() {
        HttpResponse<String> metadata = new Browser(demo.url()).get("/saml/metadata?provider=fas-saml");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type")).contains("application/samlmetadata+xml");
        assertThat(metadata.body()).contains("entityID=\"" + demo.url().resolve("/saml/sp") + "\"",
                "Location=\"" + demo.url().resolve("/callback/saml") + "\"",
                "Location=\"" + demo.url().resolve("/saml/slo") + "\"", "SignatureValue");
    }
}
