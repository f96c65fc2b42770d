package be.fedauth.testkit.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.testkit.FakeFas;
import be.fedauth.core.SettableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An OIDC authorization without a preselected login goes through the login page, as a tester's browser would. */
class OidcLoginPageTest {
    private final FakeFas fas = FakeFas.builder().clock(SettableClock.fixed(Instant.parse("2026-03-02T09:00:00Z"))).start();
    private final OidcClientDriver rp = new OidcClientDriver(fas);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        fas.close();
    }

    private URI loginPage() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", OidcClientDriver.CLIENT);
        params.put("redirect_uri", OidcClientDriver.REDIRECT);
        params.put("scope", "openid profile");
        params.put("state", "st-7");
        params.put("ui_locales", "nl");
        HttpResponse<String> r = rp.get(URI.create(rp.base() + "/authorize?" + OidcClientDriver.form(params)), Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        return URI.create(r.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> post(URI page, Map<String, String> form) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(OidcClientDriver.query(page.toString()));
        all.putAll(form);
        return http.send(HttpRequest.newBuilder(URI.create(fas.baseUri() + page.getPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(OidcClientDriver.form(all))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void authorize_withoutPreselectedLogin_showsTheLoginPageWithThePersonas() throws Exception {
        URI page = loginPage();

        HttpResponse<String> html = rp.get(page, Map.of());

        assertThat(page.getPath()).isEqualTo("/testkit/login");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("citizen|EID");
    }

    @Test
    void loginPage_choosingAPersonaAndKey_returnsACodeToTheRelyingParty() throws Exception {
        HttpResponse<String> r = post(loginPage(), Map.of("choice", "citizen|EID"));
        Map<String, String> callback = OidcClientDriver.query(r.headers().firstValue("Location").orElseThrow());

        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(OidcClientDriver.REDIRECT + "?");
        assertThat(callback).containsKey("code").containsEntry("state", "st-7");
    }

    @Test
    void loginPage_cancel_returnsAccessDeniedToTheRelyingParty() throws Exception {
        HttpResponse<String> r = post(loginPage(), Map.of("cancel", "1"));

        assertThat(OidcClientDriver.query(r.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "access_denied").containsEntry("state", "st-7");
    }
}
