package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 point 10: the pending-login cookie is {@code Secure} by the configured public URL, never
 * by the {@code Host} a reverse proxy hands the node, and then carries the {@code __Host-} prefix
 * (Path=/, no Domain) so that a cookie planted from a sibling subdomain is not read; return paths
 * that decode to one of the filter's endpoints are never followed.
 */
class PendingCookieSecurityTest {
    private final Fixture fixture = new Fixture();

    private FedAuthSettingsBuilder https() {
        return fixture.settings().publicUrl(URI.create("https://portal.example.be"));
    }

    private static List<String> pendingCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("fedauth_pending")).toList();
    }

    @Test
    void point10_httpsPublicUrl_behindAProxyThatRewritesHostToLoopback_cookieIsSecure() {
        try (Portal portal = Portal.start(https().build())) {
            Browser browser = new Browser(portal.base());

            // The node sees Host: 127.0.0.1 over plain HTTP, as behind a proxy that rewrites Host.
            HttpResponse<String> start = Fixture.startOidc(browser, "service=NCTS");

            assertThat(pendingCookies(start)).singleElement().satisfies(c -> assertThat(c)
                    .startsWith("__Host-fedauth_pending=oidc.").contains("Secure").contains("Path=/;")
                    .doesNotContainIgnoringCase("Domain=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        }
    }

    @Test
    void point10_httpsPublicUrl_loginCompletesWithTheHostPrefixedCookie_andDeletesIt() {
        try (Portal portal = Portal.start(https().build())) {
            Browser browser = new Browser(portal.base());

            HttpResponse<String> callback = Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS&key=EID");

            assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
            assertThat(pendingCookies(callback)).singleElement().satisfies(c -> assertThat(c)
                    .startsWith("__Host-fedauth_pending=;").contains("Path=/;").contains("Secure"));
            assertThat(browser.follow(callback).body()).isEqualTo("page /ncts for Alice basis=ROLE");
        }
    }

    @Test
    void point10_cookiePlantedWithoutThePrefix_fromASiblingSubdomain_isNotRead() {
        try (Portal portal = Portal.start(https().build())) {
            // The attacker starts a login of his own and plants his pending login in the victim's browser
            // under the plain name (a sibling subdomain can set that one, with Domain=, not a __Host- one).
            Browser attacker = new Browser(portal.base());
            HttpResponse<String> start = Fixture.startOidc(attacker, "service=NCTS");
            String value = attacker.cookie("__Host-fedauth_pending").orElseThrow();
            Browser victim = new Browser(portal.base());
            victim.setCookie("fedauth_pending", value, "/");

            HttpResponse<String> callback = Fixture.oidcCallback(victim, Fixture.state(start), Persona.BOB);

            assertThat(callback.statusCode()).isEqualTo(400);
            assertThat(callback.headers().firstValue("FedAuth-Error")).contains("pending_login_not_found");
            assertThat(victim.get("/account").statusCode()).isEqualTo(302);
            // The planted cookie is deleted too.
            assertThat(callback.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("fedauth_pending=;"));
        }
    }

    @Test
    void point10_underAContextPath_theHostPrefixedNameNamesTheContext() {
        try (Portal portal = Portal.start(https().build(), "/portal")) {
            Browser browser = new Browser(portal.base());

            HttpResponse<String> start = Fixture.startOidc(browser, "service=NCTS");

            assertThat(pendingCookies(start)).singleElement().satisfies(c -> assertThat(c)
                    .startsWith("__Host-fedauth_pending_portal=oidc.").contains("Path=/;").contains("Secure"));
            HttpResponse<String> callback = Fixture.oidcCallback(browser, Fixture.state(start), Persona.ALICE);
            assertThat(callback.headers().firstValue("Location")).contains("/portal/ncts");
        }
    }

    @Test
    void point10_noPublicUrl_cookieIsSecureEvenToLoopback() {
        FedAuthSettings noUrl = FedAuthSettings.builder().provider("oidc", fixture.oidc)
                .sealedPendingLogins(fixture.key).clock(fixture.clock).build();
        try (Portal portal = Portal.start(noUrl)) {
            HttpResponse<String> start = new Browser(portal.base()).get("/login");

            assertThat(pendingCookies(start)).singleElement().satisfies(c -> assertThat(c)
                    .startsWith("__Host-fedauth_pending=").contains("Secure").contains("Path=/;"));
        }
    }

    @Test
    void point10_plainHttpPublicUrlToLoopback_cookieIsNotSecure_andKeepsThePlainName() {
        try (Portal portal = Portal.start(fixture.settings().build())) {
            HttpResponse<String> start = new Browser(portal.base()).get("/login?service=NCTS",
                    "X-Forwarded-Host", "portal.example.be");

            assertThat(pendingCookies(start)).singleElement().satisfies(c -> assertThat(c)
                    .startsWith("fedauth_pending=oidc.").contains("Path=/callback").doesNotContain("Secure"));
        }
    }

    @Test
    void point10_returnPathThatDecodesToTheLogoutEndpoint_isNotFollowed() {
        try (Portal portal = Portal.start(fixture.settings().build())) {
            for (String returnTo : List.of("/%6cogout", "/%2e%2e/logout", "/emcs/../logout", "/a/./b", "/%2E%2E/x",
                    "/logout#x", "/logout?a=b#c")) {
                Browser browser = new Browser(portal.base());
                HttpResponse<String> start = Fixture.startOidc(browser,
                        "service=NCTS&returnTo=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));

                HttpResponse<String> callback = Fixture.oidcCallback(browser, Fixture.state(start), Persona.ALICE);

                assertThat(callback.headers().firstValue("Location")).as(returnTo).contains("/ncts");
                assertThat(browser.follow(callback).body()).as(returnTo).isEqualTo("page /ncts for Alice basis=ROLE");
            }
        }
    }
}
