package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A login always ends on a session id the browser did not have before (no session fixation). */
class SessionFixationTest {
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
    void login_onAnExistingSession_changesItsIdAndKeepsItsAttributes() {
        browser.get("/public/session");
        String before = browser.cookie("JSESSIONID").orElseThrow();

        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");

        assertThat(browser.cookie("JSESSIONID")).isPresent().get().isNotEqualTo(before);
        assertThat(browser.get("/public/cart").body()).isEqualTo("full");
    }

    @Test
    void login_theIdKnownBeforeLogin_givesNoAccessAfterwards() {
        browser.get("/public/session");
        String planted = browser.cookie("JSESSIONID").orElseThrow();
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");

        Browser attacker = new Browser(portal.base());
        attacker.setCookie("JSESSIONID", planted, "/");

        assertThat(attacker.get("/account").statusCode()).isEqualTo(302);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void login_withAnIdInventedByAnAttacker_isNotAdopted() {
        browser.setCookie("JSESSIONID", "node0attackerchosen0.node0", "/");

        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");

        assertThat(browser.cookie("JSESSIONID")).isPresent().get().asString().doesNotContain("attackerchosen");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void login_asSomeoneElseOnALoggedInSession_startsAnEmptySession() {
        Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS");
        browser.get("/public/session");

        Fixture.loginOidc(browser, Persona.CAROL, "service=NCTS");

        assertThat(browser.get("/public/cart").body()).isEqualTo("null");
        assertThat(browser.get("/account").body()).isEqualTo("page /account for Carol basis=none");
    }

    @Test
    void sessionCookie_isHttpOnlyAndLax() {
        var response = browser.get("/public/session");

        assertThat(sessionCookie(response)).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void sessionCookie_onARequestTheNodeSeesAsPlainHttp_isSecure() {
        // As behind a proxy that terminates TLS and forwards plain HTTP without X-Forwarded-Proto.
        var response = browser.get("/public/session");

        assertThat(sessionCookie(response)).containsIgnoringCase("Secure");
    }

    @Test
    void sessionCookie_withPlainHttpCookiesAllowed_isNotSecure() {
        try (Portal plain = Portal.start(fixture.settings().allowPlainHttpCookies().build())) {
            var response = new Browser(plain.base()).get("/public/session");

            assertThat(sessionCookie(response)).contains("HttpOnly").doesNotContainIgnoringCase("Secure");
        }
    }

    private static String sessionCookie(java.net.http.HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
    }
}
