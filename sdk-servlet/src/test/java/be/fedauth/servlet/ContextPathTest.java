package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Under a non-root context, every URL the filter writes starts with the deployed context path, never
 * with the one the client spelled: Tomcat hands {@code request.getContextPath()} over undecoded and
 * unnormalised, so {@code https://portal//evil.example/..;/portal/emcs} gives
 * {@code //evil.example/..;/portal}. A filter ahead of fedauth plays that container here.
 */
class ContextPathTest {
    private static final String SPELLED_BY_ATTACKER = "//evil.example/..;/portal";

    private final Fixture fixture = new Fixture();
    private Portal portal;
    private Browser browser;

    @BeforeEach
    void start() {
        Filter likeTomcat = (request, response, chain) -> chain.doFilter(
                new HttpServletRequestWrapper((HttpServletRequest) request) {
                    @Override
                    public String getContextPath() {
                        return SPELLED_BY_ATTACKER;
                    }
                }, response);
        portal = Portal.start(fixture.settings().build(), "/portal", Optional.of(likeTomcat));
        browser = new Browser(portal.base());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void protectedPage_notLoggedIn_redirectsToTheDeployedLoginPath() {
        HttpResponse<String> response = browser.get("/emcs");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().startsWith("/portal/login?");
    }

    @Test
    void protectedApi_notLoggedIn_namesTheDeployedContextAsRealm() {
        HttpResponse<String> response = browser.get("/api/me", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("FedAuth realm=\"/portal\"");
    }

    @Test
    void callback_afterLogin_redirectsWithinTheDeployedContext() {
        HttpResponse<String> callback = Fixture.loginOidc(browser, Persona.ALICE, "returnTo=%2Femcs");

        assertThat(callback.headers().allValues("Location")).containsExactly("/portal/emcs");
    }

    @Test
    void callback_refused_offersALoginAgainWithinTheDeployedContext() {
        Fixture.startOidc(browser, "service=NCTS");

        HttpResponse<String> refused = Fixture.oidcCallback(browser, "another-browsers-state", Persona.ALICE);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"/portal/login?service=NCTS\"").doesNotContain("evil.example");
    }

    @Test
    void samlPostWithoutCookie_isPostedAgainToTheDeployedCallbackPath() {
        Map<String, List<String>> request = Fixture.startSaml(browser, "service=EMCS");

        HttpResponse<String> repost = browser.postCrossSite("/callback/saml", Fixture.samlResponse(request, Persona.ALICE));

        assertThat(repost.body()).contains("action=\"/portal/callback/saml\"").doesNotContain("evil.example");
    }

    @Test
    void logout_redirectsWithinTheDeployedContext() {
        Fixture.loginOidc(browser, Persona.ALICE, "service=EMCS");

        HttpResponse<String> logout = browser.get("/logout");
        HttpResponse<String> anonymousLogout = browser.get("/logout");

        assertThat(logout.headers().firstValue("Location")).get().asString().startsWith("https://idp.example/");
        assertThat(anonymousLogout.headers().allValues("Location")).containsExactly("/portal/");
    }
}
