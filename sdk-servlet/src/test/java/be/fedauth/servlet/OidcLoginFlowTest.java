package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OidcLoginFlowTest {
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
    void protectedPage_notLoggedIn_redirectsToLoginWithServiceAndLocalReturnPath() {
        HttpResponse<String> response = browser.get("/emcs/declarations?page=2");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains(
                "/login?service=EMCS&returnTo=%2Femcs%2Fdeclarations%3Fpage%3D2");
    }

    @Test
    void protectedApi_notLoggedIn_answers401WithNotAuthenticated() {
        HttpResponse<String> response = browser.get("/api/me", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("FedAuth-Error")).contains("not_authenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void publicPage_notLoggedIn_passesThrough() {
        HttpResponse<String> response = browser.get("/public/cart");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("none");
    }

    @Test
    void login_setsPendingCookieHttpOnlyLaxScopedToTheCallbacks() {
        HttpResponse<String> response = Fixture.startOidc(browser, "service=NCTS&key=EID");

        String cookie = pendingSetCookie(response);
        assertThat(cookie).startsWith("fedauth_pending=oidc.").contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/callback").contains("Max-Age=600").doesNotContain("Secure");
    }

    // Whether the pending cookie is Secure follows the public URL, never the request's Host or scheme:
    // see PendingCookieSecurityTest and FedAuthSettingsTest.

    @Test
    void login_withKey_asksTheProviderForThatKey() {
        HttpResponse<String> response = Fixture.startOidc(browser, "service=EMCS&key=itsme");

        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("keys=%5BITSME%5D");
    }

    @Test
    void callback_valid_logsInAndReturnsToThePathAskedFor() {
        browser.get("/emcs/declarations");
        HttpResponse<String> callback = Fixture.loginOidc(browser, Persona.ALICE,
                "service=EMCS&returnTo=%2Femcs%2Fdeclarations");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).contains("/emcs/declarations");
        HttpResponse<String> page = browser.follow(callback);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("page /emcs/declarations for Alice basis=ROLE");
    }

    @Test
    void callback_withoutReturnPath_returnsToTheEServicesProtectedPath() {
        HttpResponse<String> callback = Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");

        assertThat(callback.headers().firstValue("Location")).contains("/ncts");
    }

    @Test
    void callback_deletesThePendingCookie() {
        HttpResponse<String> callback = Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");

        assertThat(pendingSetCookie(callback)).startsWith("fedauth_pending=;")
                .containsAnyOf("Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT").contains("Path=/callback");
        assertThat(browser.cookie("fedauth_pending")).isEmpty();
    }

    @Test
    void apiMe_afterLogin_returnsTheUserWithNationalNumberKeyAndRoles() {
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS&key=EID");

        HttpResponse<String> me = browser.get("/api/me", "Accept", "application/json");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"nationalNumber\":\"85.07.30-033.28\"", "\"key\":\"EID\"", "\"level\":500",
                "\"provider\":\"fake-oidc\"", "\"eService\":\"NCTS\"", "\"state\":\"ACCEPTED\"");
    }

    @Test
    void logout_afterLogin_endsTheSessionAndSendsTheBrowserToTheIdentityProvider() {
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");

        HttpResponse<String> logout = browser.get("/logout");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).contains("https://idp.example/fake-oidc/logout");
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void logout_withoutSession_returnsHome() {
        HttpResponse<String> logout = browser.get("/logout");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).contains("/");
    }

    @Test
    void login_underAContextPath_scopesTheCookieAndRedirectsWithinIt() throws Exception {
        try (Portal nested = Portal.start(fixture.settings().build(), "/portal")) {
            Browser inner = new Browser(nested.base());
            HttpResponse<String> start = Fixture.startOidc(inner, "service=NCTS");
            assertThat(pendingSetCookie(start)).contains("Path=/portal/callback");

            HttpResponse<String> callback = Fixture.oidcCallback(inner, Fixture.state(start), Persona.ALICE);

            assertThat(callback.headers().firstValue("Location")).contains("/portal/ncts");
            assertThat(inner.follow(callback).body()).isEqualTo("page /ncts for Alice basis=ROLE");
        }
    }

    static String pendingSetCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("fedauth_pending=")).toList();
        assertThat(cookies).hasSize(1);
        return cookies.get(0);
    }
}
