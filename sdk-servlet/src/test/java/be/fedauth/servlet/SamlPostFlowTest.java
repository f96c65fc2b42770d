package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SAML HTTP-POST binding in a current browser: the identity provider's page posts the response
 * cross-site, so the SameSite=Lax pending-login cookie is not sent ({@link Browser#postCrossSite});
 * the callback answers with a same-origin re-post, which carries the cookie.
 */
class SamlPostFlowTest {
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

    @Test
    void login_postBinding_rendersAnAutoSubmittingFormWithANonceScript() {
        HttpResponse<String> page = browser.get("/login?protocol=saml&service=PLDA");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"https://idp.example/fake-saml/sso\"", "name=\"SAMLRequest\"",
                "name=\"RelayState\"", "<noscript>");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        String nonce = csp.replaceAll(".*'nonce-([A-Za-z0-9_-]+)'.*", "$1");
        assertThat(page.body()).contains("<script nonce=\"" + nonce + "\">");
        assertThat(csp).contains("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(OidcLoginFlowTest.pendingSetCookie(page)).startsWith("fedauth_pending=saml.");
    }

    @Test
    void crossSitePost_withoutCookie_isPostedAgainFromThisOriginWithTheSameFields() {
        Map<String, List<String>> request = Fixture.startSaml(browser, "service=PLDA");
        Map<String, List<String>> response = Fixture.samlResponse(request, Persona.ALICE);

        HttpResponse<String> repost = browser.postCrossSite("/callback/saml", response);

        assertThat(repost.statusCode()).isEqualTo(200);
        Map<String, List<String>> fields = Browser.hiddenFields(repost.body());
        assertThat(fields).containsEntry("SAMLResponse", response.get("SAMLResponse"))
                .containsEntry("RelayState", response.get("RelayState"))
                .containsEntry("fedauth_resubmitted", List.of("1"));
        assertThat(repost.body()).contains("action=\"/callback/saml\"");
        assertThat(repost.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'self'");
        assertThat(repost.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("fedauth_pending"));
    }

    @Test
    void sameSiteRepost_withCookie_logsInAndReturnsToThePath() {
        Map<String, List<String>> request = Fixture.startSaml(browser, "service=PLDA&returnTo=%2Fplda%2Fdeclarations");
        HttpResponse<String> repost = browser.postCrossSite("/callback/saml",
                Fixture.samlResponse(request, Persona.MANAGER));

        HttpResponse<String> callback = browser.post("/callback/saml", Browser.hiddenFields(repost.body()));

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).contains("/plda/declarations");
        assertThat(browser.get("/account").body()).isEqualTo("page /account for Marc basis=none");
    }

    @Test
    void post_whenTheBrowserSendsTheCookie_logsInWithoutARepost() {
        Map<String, List<String>> request = Fixture.startSaml(browser, "service=EMCS");

        HttpResponse<String> callback = browser.post("/callback/saml", Fixture.samlResponse(request, Persona.ALICE));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).contains("/emcs");
    }

    @Test
    void repost_withoutCookie_failsWithPendingLoginNotFound() {
        Map<String, List<String>> request = Fixture.startSaml(browser, "service=EMCS");
        Map<String, List<String>> forged = new java.util.LinkedHashMap<>(Fixture.samlResponse(request, Persona.ALICE));
        forged.put("fedauth_resubmitted", List.of("1"));

        HttpResponse<String> callback = browser.postCrossSite("/callback/saml", forged);

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.headers().firstValue("FedAuth-Error")).contains("pending_login_not_found");
    }

    @Test
    void attackersResponse_postedThroughAVictimsBrowser_failsAgainstTheVictimsPendingLogin() {
        Browser attacker = new Browser(portal.base());
        Map<String, List<String>> attackersRequest = Fixture.startSaml(attacker, "service=EMCS");
        Map<String, List<String>> attackersResponse = Fixture.samlResponse(attackersRequest, Persona.CAROL);
        Fixture.startSaml(browser, "service=EMCS");

        HttpResponse<String> repost = browser.postCrossSite("/callback/saml", attackersResponse);
        HttpResponse<String> callback = browser.post("/callback/saml", Browser.hiddenFields(repost.body()));

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.headers().firstValue("FedAuth-Error")).contains("state_mismatch");
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void repostPage_escapesFieldValues() {
        HttpResponse<String> repost = browser.postCrossSite("/callback/saml",
                Browser.form("SAMLResponse", "\"><script>alert(1)</script>", "RelayState", "x"));

        assertThat(repost.body()).doesNotContain("<script>alert(1)").contains("&quot;&gt;&lt;script&gt;");
    }
}
