package be.fedauth.testkit.saml;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.LoginRequest;
import be.fedauth.saml.IdpInitiatedLogout;
import be.fedauth.saml.SamlProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 point 4: the fake FAS starts a logout as FAS's own logout page does: a signed LogoutRequest
 * to the SP for its last login there, and the SP's LogoutResponse verified on the way back.
 */
class IdpInitiatedLogoutAgainstFakeFasTest {
    private final SamlHarness harness = new SamlHarness(Instant.parse("2026-03-02T10:00:00Z"), false);
    private final SamlProvider fas = harness.fasProvider(b -> b);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        harness.close();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI logoutPage(String sp) {
        return URI.create(harness.fas.baseUri() + "/fas/saml/logout-everywhere"
                + (sp.isEmpty() ? "" : "?sp=" + URLEncoder.encode(sp, StandardCharsets.UTF_8)));
    }

    /** The fake's LogoutRequest to the SP for its last login, as the SP receives it. */
    private URI logoutRequest() throws Exception {
        HttpResponse<String> start = get(logoutPage(SamlHarness.SP_ENTITY_ID));
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        return URI.create(start.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void point4_logoutPage_sendsTheSpASignedLogoutRequestForItsLastLogin_andVerifiesItsAnswer() throws Exception {
        AuthenticatedUser user = harness.login(fas, LoginRequest.builder().build(), "citizen", DigitalKey.EID);

        URI request = logoutRequest();
        IdpInitiatedLogout logout = fas.handleLogoutRequest(request.getRawQuery());
        HttpResponse<String> answered = get(logout.response().location());

        assertThat(request.toString()).startsWith(SamlHarness.SLO + "?SAMLRequest=");
        assertThat(logout.matches(user.session())).isTrue();
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains("id=\"logged-out\"", "You are logged out of");
        assertThat(get(logoutPage("")).body()).contains("id=\"no-sessions\"");
    }

    @Test
    void point4_theSpsAnswerUsedTwice_isRefusedTheSecondTime() throws Exception {
        harness.login(fas, LoginRequest.builder().build(), "citizen", DigitalKey.EID);
        URI answer = fas.handleLogoutRequest(logoutRequest().getRawQuery()).response().location();
        assertThat(get(answer).statusCode()).isEqualTo(200);

        HttpResponse<String> again = get(answer);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("id=\"refused\"");
    }

    @Test
    void point4_anAnswerWithAChangedSignature_isRefused() throws Exception {
        harness.login(fas, LoginRequest.builder().build(), "citizen", DigitalKey.EID);
        String answer = fas.handleLogoutRequest(logoutRequest().getRawQuery()).response().location().toString();
        String signature = answer.substring(answer.indexOf("&Signature=") + "&Signature=".length());
        byte[] bytes = Base64.getDecoder().decode(URLDecoder.decode(signature, StandardCharsets.UTF_8));
        bytes[10] ^= 1;
        String forged = answer.replace(signature, URLEncoder.encode(Base64.getEncoder().encodeToString(bytes),
                StandardCharsets.UTF_8));

        HttpResponse<String> refused = get(URI.create(forged));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not signed by the service provider");
        assertThat(get(URI.create(answer)).statusCode()).as("the genuine answer still counts").isEqualTo(200);
    }

    @Test
    void point4_logoutPage_listsTheSpsWithASession() throws Exception {
        assertThat(get(logoutPage("")).body()).contains("id=\"no-sessions\"");
        harness.login(fas, LoginRequest.builder().build(), "citizen", DigitalKey.EID);

        assertThat(get(logoutPage("")).body()).contains("id=\"sessions\"", "Log out of " + SamlHarness.SP_ENTITY_ID);
    }

    @Test
    void point4_logoutPage_forAnSpWithoutSession_is404() throws Exception {
        assertThat(get(logoutPage(SamlHarness.SP_ENTITY_ID)).statusCode()).isEqualTo(404);
        assertThat(get(logoutPage("https://unknown.example/sp")).statusCode()).isEqualTo(404);
    }
}
