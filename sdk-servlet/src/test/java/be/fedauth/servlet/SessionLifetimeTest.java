package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.AuditEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 point 3: a logged-in session ends at its idle timeout, its absolute maximum lifetime or
 * the identity provider's own limit, whichever comes first, checked on every request with the
 * settings' clock (the container's session timeout, in real time, is only a second line).
 */
class SessionLifetimeTest {
    private static final byte[] PSEUDONYM_KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final Fixture fixture = new Fixture();
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private Portal portal;
    private Browser browser;

    private void start(FedAuthSettingsBuilder settings) {
        portal = Portal.start(settings.auditSink(events::add, PSEUDONYM_KEY).build());
        browser = new Browser(portal.base());
    }

    @AfterEach
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    /** Logs Alice in at the fixture's clock and checks the session works. */
    private Instant login() {
        HttpResponse<String> callback = Fixture.loginOidc(browser, Persona.ALICE, "service=NCTS&key=EID");
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        return fixture.clock.instant();
    }

    private HttpResponse<String> page() {
        return browser.get("/account");
    }

    private HttpResponse<String> api() {
        return browser.get("/api/me", "Accept", "application/json");
    }

    private static void assertLoggedIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("for Alice");
    }

    private static void assertExpired(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("FedAuth-Error")).contains(ErrorCode.SESSION_EXPIRED.id());
    }

    private AuditEvent expiry() {
        return events.stream().filter(e -> e.type().equals("session_expired")).findFirst().orElseThrow();
    }

    @Test
    void point3_idleTimeout_oneSecondBeforeStillValid_atTheInstantExpired() {
        start(fixture.settings());
        Instant loggedIn = login();

        fixture.clock.set(loggedIn.plus(Duration.ofMinutes(30)).minusSeconds(1));
        assertLoggedIn(page());
        Instant lastSeen = fixture.clock.instant();
        fixture.clock.set(lastSeen.plus(Duration.ofMinutes(30)).minusSeconds(1));
        assertLoggedIn(page());

        fixture.clock.set(fixture.clock.instant().plus(Duration.ofMinutes(30)));
        assertExpired(api());
        assertThat(expiry().details()).containsEntry("limit", "idle");
        assertThat(expiry().error()).contains(ErrorCode.SESSION_EXPIRED);
    }

    @Test
    void point3_absoluteLifetime_endsASessionDespiteActivity() {
        start(fixture.settings().sessionMaxLifetime(Duration.ofHours(2)));
        Instant loggedIn = login();
        Instant end = loggedIn.plus(Duration.ofHours(2));
        for (Instant t = loggedIn.plus(Duration.ofMinutes(20)); t.isBefore(end); t = t.plus(Duration.ofMinutes(20))) {
            fixture.clock.set(t);
            assertLoggedIn(page());
        }

        fixture.clock.set(end.minusSeconds(1));
        assertLoggedIn(page());
        fixture.clock.set(end);
        assertExpired(api());
        assertThat(expiry().details()).containsEntry("limit", "absolute");
    }

    @Test
    void point3_identityProviderLimit_earlierThanBoth_endsTheSessionAtThatInstant() {
        Instant idpLimit = Fixture.START.plus(Duration.ofMinutes(10));
        start(fixture.settings().userEnricher((request, user) -> user.withNotAfter(idpLimit)));
        login();

        fixture.clock.set(idpLimit.minusSeconds(1));
        assertLoggedIn(page());
        fixture.clock.set(idpLimit);
        assertExpired(api());
        assertThat(expiry().details()).containsEntry("limit", "identity_provider");
    }

    @Test
    void point3_expiredSession_pageRequestIsSentToLogInAgain() {
        start(fixture.settings());
        login();
        fixture.clock.advance(Duration.ofMinutes(31));

        HttpResponse<String> response = browser.get("/emcs/declarations");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/login?service=EMCS&returnTo=%2Femcs%2Fdeclarations");
    }

    @Test
    void point3_expiredSession_isInvalidatedWithEverythingInIt_andTheApplicationSeesNobody() {
        start(fixture.settings());
        browser.get("/public/session");
        login();
        assertThat(browser.get("/public/cart").body()).isEqualTo("full");
        fixture.clock.advance(Duration.ofMinutes(30));

        // An unprotected read of the session (an /api/me of the application's own) sees no user...
        assertThat(browser.get("/public/whoami").body()).contains("for nobody");
        // ...because the session, with the user and its national number, is gone.
        assertThat(browser.get("/public/cart").body()).isEqualTo("none");
        assertThat(expiry().subject()).isPresent();
        assertThat(expiry().toString()).doesNotContain("85073003328");
        // And a later request does not bring it back.
        fixture.clock.set(Fixture.START);
        assertThat(api().statusCode()).isEqualTo(401);
    }

    @Test
    void point3_login_setsTheContainersSessionTimeoutToTheIdleTimeout() {
        start(fixture.settings().sessionIdleTimeout(Duration.ofMinutes(12)));
        login();

        assertThat(browser.get("/public/timeout").body()).isEqualTo("720");
    }

    @Test
    void point3_newLogin_startsTheLimitsAgain() {
        start(fixture.settings().sessionMaxLifetime(Duration.ofHours(1)));
        login();
        fixture.clock.advance(Duration.ofMinutes(50));
        login();
        fixture.clock.advance(Duration.ofMinutes(20));

        assertLoggedIn(page());
    }
}
