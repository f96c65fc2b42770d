package be.fedauth.servlet;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.EService;
import be.fedauth.core.SealingKey;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The usual set-up: two fake providers ("oidc", "saml"), a settable clock, and the login steps. */
final class Fixture {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Pattern STATE = Pattern.compile("[?&]state=([A-Za-z0-9_-]+)");

    final SettableClock clock = SettableClock.fixed(START);
    final FakeProvider oidc;
    final FakeProvider saml = new FakeProvider("fake-saml", FakeProvider.Flavour.POST,
            EnumSet.of(DigitalKey.EID, DigitalKey.PASSWORD_TOKEN), clock);
    final SealingKey key = SealingKey.generate("k1");

    Fixture() {
        this(1_000);
    }

    /** With an OIDC provider whose replay cache holds {@code replayEntries} entries. */
    Fixture(int replayEntries) {
        oidc = new FakeProvider("fake-oidc", FakeProvider.Flavour.REDIRECT,
                EnumSet.of(DigitalKey.EID, DigitalKey.ITSME, DigitalKey.PASSWORD_MOBILE_APP), clock,
                be.fedauth.core.spi.ReplayCache.inMemory(clock, replayEntries));
    }

    /** Settings with both providers, sealed cookies, EMCS and NCTS paths and login-only paths. */
    FedAuthSettingsBuilder settings() {
        return base().sealedPendingLogins(key);
    }

    /** The same settings with pending logins in an in-memory store. */
    FedAuthSettingsBuilder storeSettings() {
        return base().pendingLoginStore(PendingLoginStore.inMemory(clock, RandomValues.secure(), 100));
    }

    private FedAuthSettingsBuilder base() {
        return FedAuthSettings.builder()
                .provider("oidc", oidc)
                .provider("saml", saml)
                .protect("/emcs", EService.EMCS)
                .protect("/ncts", EService.NCTS)
                .protect("/account")
                .protect("/api")
                // Plain HTTP to loopback, as the tests run: the pending-login cookie is not Secure (see
                // PendingCookieSecurityTest for https).
                .publicUrl(java.net.URI.create("http://127.0.0.1"))
                .enterpriseResolver((request, user, eService) -> "none".equals(request.getParameter("enterprise"))
                        ? Optional.empty() : Optional.of(Persona.ENTERPRISE))
                .clock(clock);
    }

    /** GET /login with this query; asserts the 302 to the identity provider and returns it. */
    static HttpResponse<String> startOidc(Browser browser, String query) {
        HttpResponse<String> response = browser.get("/login?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("https://idp.example/");
        return response;
    }

    /** The state of an authorization redirect. */
    static String state(HttpResponse<String> redirect) {
        Matcher m = STATE.matcher(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The browser coming back from the OIDC identity provider, logged in as {@code persona}. */
    static HttpResponse<String> oidcCallback(Browser browser, String state, Persona persona) {
        return browser.get("/callback/oidc?code=" + persona.code() + "&state=" + state);
    }

    /** A whole OIDC login; returns the callback's response. */
    static HttpResponse<String> loginOidc(Browser browser, Persona persona, String query) {
        return oidcCallback(browser, state(startOidc(browser, query)), persona);
    }

    /** GET /login for the SAML provider; returns the fields of the form to the identity provider. */
    static Map<String, List<String>> startSaml(Browser browser, String query) {
        HttpResponse<String> page = browser.get("/login?protocol=saml&" + query);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return Browser.hiddenFields(page.body());
    }

    /** The SAML response the fake identity provider posts for a request. */
    static Map<String, List<String>> samlResponse(Map<String, List<String>> request, Persona persona) {
        return Browser.form("SAMLResponse", request.get("SAMLRequest").get(0) + ":" + persona.code(),
                "RelayState", request.get("RelayState").get(0));
    }
}
