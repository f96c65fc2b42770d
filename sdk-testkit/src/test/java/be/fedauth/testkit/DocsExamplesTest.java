package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/testkit.md, against the real OIDC endpoints of the fake: keep both in step. */
@ExtendWith(FakeFasExtension.class)
class DocsExamplesTest {

    /** An authorization request of the default demo client, as an application would build it. */
    static URI authorizeUrl(FakeFas fas, String state) {
        return URI.create(fas.uri(Endpoint.OIDC_AUTHORIZE) + "?response_type=code&client_id=fedauth-demo"
                + "&redirect_uri=http://127.0.0.1:8080/callback/oidc&scope=openid%20profile%20egovnrn%20roles"
                + "&state=" + state + "&nonce=n-" + state);
    }

    @Test
    void headlessLogin_ofTheDemoClient_returnsACodeToTheRedirectUri(FakeFas fas) {
        LoginCallback callback = HeadlessLogin.against(fas)
                .login("citizen", DigitalKey.EID, authorizeUrl(fas, "st1"));

        assertThat(callback.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/callback/oidc"));
        assertThat(callback.parameter("code")).isPresent();
        assertThat(callback.parameter("state")).contains("st1");
    }

    @Test
    void timeTravel_theTokenIsRefusedAfterItsRetirement(FakeFas fas) {
        fas.clock().set(Instant.parse("2024-02-01T00:00:00Z"));

        LoginCallback callback = HeadlessLogin.against(fas)
                .login("foreigner", DigitalKey.PASSWORD_TOKEN, authorizeUrl(fas, "st2"));

        assertThat(callback.parameter("error")).contains("access_denied");
    }

    @Test
    void timeTravel_theTokenWorksBeforeItsRetirement(FakeFas fas) {
        fas.clock().set(Instant.parse("2023-06-01T00:00:00Z"));

        LoginCallback callback = HeadlessLogin.against(fas)
                .login("foreigner", DigitalKey.PASSWORD_TOKEN, authorizeUrl(fas, "st3"));

        assertThat(callback.parameter("code")).isPresent();
    }

    @Test
    void fault_theTokenEndpointAnswers503(FakeFas fas) throws Exception {
        fas.injectFault(Endpoint.OIDC_TOKEN, EndpointFault.status(503));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(fas.uri(Endpoint.OIDC_TOKEN)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
    }

    @Test
    void recordedRequests_showWhatTheApplicationSent(FakeFas fas) {
        HeadlessLogin.against(fas).login("citizen", DigitalKey.ITSME, authorizeUrl(fas, "st4"));

        List<RecordedRequest> authorize = fas.recordedRequests(Endpoint.OIDC_AUTHORIZE);

        assertThat(authorize).singleElement()
                .satisfies(r -> assertThat(r.parameter("client_id")).contains("fedauth-demo"));
    }

    @Test
    void ownClient_withARedirectUriOnARandomPort(FakeFas fas) {
        fas.registerOidcClient(OidcClient.withSecret("my-app", "my-secret",
                List.of(URI.create("http://127.0.0.1:45678/callback"))));

        LoginCallback callback = HeadlessLogin.against(fas).login("ncts-employee", DigitalKey.EID,
                URI.create(fas.uri(Endpoint.OIDC_AUTHORIZE) + "?response_type=code&client_id=my-app"
                        + "&redirect_uri=http://127.0.0.1:45678/callback&scope=openid&state=s&nonce=n"));

        assertThat(callback.parameter("code")).isPresent();
    }

    @Test
    void attack_isQueuedUntilTheNextIdToken(FakeFas fas) {
        fas.queueAttack(OidcAttack.WRONG_ISSUER);

        assertThat(fas.pendingAttacks()).containsExactly(OidcAttack.WRONG_ISSUER);
    }
}
