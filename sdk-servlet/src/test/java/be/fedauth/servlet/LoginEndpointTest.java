package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginEndpointTest {
    private final Fixture fixture = new Fixture();
    private Portal portal;
    private Browser browser;

    @BeforeEach
    void start() {
        portal = Portal.start(fixture.settings().build());
        browser = new Browser(portal.base());
    }

    @AfterEach
    void stop() throws Exception {
        portal.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "service=ICS2, login_request_invalid",
            "service=NCTS&service=EMCS, login_request_invalid",
            "protocol=ldap, provider_not_offered",
            "key=PASSPORT, key_not_offered",
            "protocol=saml&key=ITSME, key_not_offered",
            "returnTo=/a&returnTo=/b, login_request_invalid"
    })
    void login_badRequest_answers400WithTheCodeAndSetsNoCookie(String query, String code) {
        HttpResponse<String> response = browser.get("/login?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("FedAuth-Error")).contains(code);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void login_withoutProtocol_usesTheFirstProvider() {
        HttpResponse<String> response = browser.get("/login");

        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("https://idp.example/fake-oidc/");
    }

    @Test
    void login_protocolInCapitals_isAccepted() {
        HttpResponse<String> response = browser.get("/login?protocol=SAML&service=plda");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("https://idp.example/fake-saml/sso");
    }

    @Test
    void login_refusal_speaksTheLanguageAsked() {
        HttpResponse<String> response = browser.get("/login?service=ICS2&lang=nl");

        assertThat(response.body()).contains("Aanmelden mislukt", "Het aanmelden is niet gelukt.");
    }

    @Test
    void login_post_isNotAllowed() {
        HttpResponse<String> response = browser.post("/login", Map.of());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void endpointResponses_areNeitherCachedNorLeakedThroughReferer() {
        HttpResponse<String> response = browser.get("/login?service=NCTS");

        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }
}
