package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime admin HTTP API, each route through java.net.http. */
class AdminApiTest {
    @RegisterExtension
    static final FakeFasExtension FAS = FakeFasExtension.configured(b -> b.extraEndpoints(new TestProtocol()));

    private static URI admin(FakeFas fas, String route) {
        return URI.create(fas.adminUri() + route);
    }

    @Test
    void status_listsTheUrls(FakeFas fas) throws Exception {
        HttpResponse<String> response = Http.get(admin(fas, ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).contains("\"oidcIssuer\":\"" + fas.baseUri() + "/fas/oauth2\"")
                .contains("\"samlMetadata\":\"" + fas.baseUri() + "/fas/saml/metadata\"");
    }

    @Test
    void personas_listsIdsAndKeys(FakeFas fas) throws Exception {
        String body = Http.get(admin(fas, "/personas")).body();

        assertThat(body).contains("\"id\":\"citizen\"").contains("\"keys\":[\"EID\",\"ITSME\"]")
                .doesNotContain("85.07.30");
    }

    @Test
    void postLogin_preselectsThePersonaAndKey(FakeFas fas) throws Exception {
        HttpResponse<String> response = Http.post(admin(fas, "/login"), Map.of("person", "citizen", "key", "itsme"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fas.preselectedLogin()).contains(new LoginChoice("citizen", DigitalKey.ITSME));
    }

    @Test
    void postLogin_unknownPersona_isABadRequest(FakeFas fas) throws Exception {
        HttpResponse<String> response = Http.post(admin(fas, "/login"), Map.of("person", "nobody", "key", "EID"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fas.preselectedLogin()).isEmpty();
    }

    @Test
    void postLogin_unknownKey_isABadRequest(FakeFas fas) throws Exception {
        assertThat(Http.post(admin(fas, "/login"), Map.of("person", "citizen", "key", "FINGERPRINT")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void deleteLogin_clearsThePreselection(FakeFas fas) throws Exception {
        fas.preselectLogin("citizen", DigitalKey.EID);

        Http.delete(admin(fas, "/login"));

        assertThat(fas.preselectedLogin()).isEmpty();
    }

    @Test
    void postClock_setsTheInstant(FakeFas fas) throws Exception {
        Http.post(admin(fas, "/clock"), Map.of("instant", "2024-02-01T00:00:00Z", "freeze", "true"));

        assertThat(fas.clock().instant()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(Http.get(admin(fas, "/clock")).body()).contains("2024-02-01T00:00:00Z");
    }

    @Test
    void postClock_advancesTheClock(FakeFas fas) throws Exception {
        fas.clock().freeze();
        fas.clock().set(Instant.parse("2024-02-01T00:00:00Z"));

        Http.post(admin(fas, "/clock"), Map.of("advance", "P2D"));

        assertThat(fas.clock().instant()).isEqualTo(Instant.parse("2024-02-03T00:00:00Z"));
    }

    @Test
    void postClock_badInstant_isABadRequest(FakeFas fas) throws Exception {
        assertThat(Http.post(admin(fas, "/clock"), Map.of("instant", "yesterday")).statusCode()).isEqualTo(400);
    }

    @Test
    void deleteClock_resetsTheClock(FakeFas fas) throws Exception {
        fas.clock().set(Instant.parse("2001-01-01T00:00:00Z"));

        Http.delete(admin(fas, "/clock"));

        assertThat(fas.clock().instant()).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void postFaults_injectsAFaultByEndpointName(FakeFas fas) throws Exception {
        HttpResponse<String> response = Http.post(admin(fas, "/faults"),
                Map.of("endpoint", "OIDC_TOKEN", "fault", "STATUS", "status", "503"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.post(fas.uri(Endpoint.OIDC_TOKEN), Map.of()).statusCode()).isEqualTo(503);
    }

    @Test
    void postFaults_injectsAFaultByPath(FakeFas fas) throws Exception {
        Http.post(admin(fas, "/faults"), Map.of("path", "/test/json", "fault", "malformed-body"));

        assertThat(Http.get(URI.create(fas.baseUri() + "/test/json")).body())
                .hasSize(TestProtocol.JSON.length() / 2);
    }

    @Test
    void postFaults_unknownFault_isABadRequest(FakeFas fas) throws Exception {
        assertThat(Http.post(admin(fas, "/faults"), Map.of("endpoint", "OIDC_TOKEN", "fault", "FIRE")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void deleteFaults_clearsThem(FakeFas fas) throws Exception {
        fas.injectFault("/test/json", EndpointFault.status(500));

        Http.delete(admin(fas, "/faults"));

        assertThat(fas.faults()).isEmpty();
    }

    @Test
    void postAttacks_queuesAnOidcAttack(FakeFas fas) throws Exception {
        HttpResponse<String> response = Http.post(admin(fas, "/attacks"),
                Map.of("protocol", "oidc", "attack", "bad_signature"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fas.pendingAttacks()).extracting(Enum::name).containsExactly("BAD_SIGNATURE");
        assertThat(Http.get(admin(fas, "/attacks")).body()).contains("\"attack\":\"BAD_SIGNATURE\"");
    }

    @Test
    void postAttacks_queuesASamlAttack(FakeFas fas) throws Exception {
        Http.post(admin(fas, "/attacks"), Map.of("protocol", "saml", "attack", "XML_SIGNATURE_WRAPPING"));

        assertThat(fas.pendingAttacks()).containsExactly(SamlAttack.XML_SIGNATURE_WRAPPING);
    }

    @Test
    void postAttacks_unknownProtocol_isABadRequest(FakeFas fas) throws Exception {
        assertThat(Http.post(admin(fas, "/attacks"), Map.of("protocol", "ws-fed", "attack", "BAD_SIGNATURE")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void postAttacks_unknownAttack_isABadRequest(FakeFas fas) throws Exception {
        assertThat(Http.post(admin(fas, "/attacks"), Map.of("protocol", "oidc", "attack", "TELEPORT")).statusCode())
                .isEqualTo(400);
        assertThat(fas.pendingAttacks()).isEmpty();
    }

    @Test
    void deleteAttacks_clearsThem(FakeFas fas) throws Exception {
        Http.post(admin(fas, "/attacks"), Map.of("protocol", "oidc", "attack", "BAD_SIGNATURE"));

        Http.delete(admin(fas, "/attacks"));

        assertThat(fas.pendingAttacks()).isEmpty();
    }

    @Test
    void getRequests_listsWhatTheIdpReceived_withoutAdminCalls(FakeFas fas) throws Exception {
        Http.get(URI.create(fas.baseUri() + "/test/json?x=1"));

        String body = Http.get(admin(fas, "/requests")).body();

        assertThat(body).contains("\"path\":\"/test/json\"").contains("\"x\":[\"1\"]").doesNotContain("/testkit/admin");
    }

    @Test
    void deleteRequests_forgetsThem(FakeFas fas) throws Exception {
        Http.get(URI.create(fas.baseUri() + "/test/json"));

        Http.delete(admin(fas, "/requests"));

        assertThat(fas.recordedRequests()).isEmpty();
    }

    @Test
    void postKeysRotate_makesANewCurrentKey_andKeepsTheOldOnePublished(FakeFas fas) throws Exception {
        String before = fas.signingKeyId();

        String body = Http.post(admin(fas, "/keys/rotate"), Map.of()).body();

        assertThat(fas.signingKeyId()).isNotEqualTo(before);
        assertThat(body).contains(fas.signingKeyId());
        assertThat(Http.get(admin(fas, "/keys")).body()).contains(before).contains(fas.signingKeyId());
    }

    @Test
    void postIssuerQuirk_switchesTheIssuerToPort80(FakeFas fas) throws Exception {
        Http.post(admin(fas, "/issuer-quirk"), Map.of("enabled", "true"));

        assertThat(fas.oidcIssuer()).isEqualTo(URI.create("http://127.0.0.1:80/fas/oauth2"));
    }

    @Test
    void postClientsOidc_registersAClient(FakeFas fas) throws Exception {
        HttpResponse<String> response = Http.post(admin(fas, "/clients/oidc"), Map.of("clientId", "my-app",
                "secret", "my-secret", "redirectUri", "http://127.0.0.1:9999/cb"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fas.personas().oidcClient("my-app")).get().extracting(OidcClient::redirectUris)
                .isEqualTo(List.of(URI.create("http://127.0.0.1:9999/cb")));
    }

    @Test
    void postReset_forgetsEverythingSetForATest(FakeFas fas) throws Exception {
        fas.preselectLogin("citizen", DigitalKey.EID);
        fas.injectFault("/test/json", EndpointFault.status(500));
        fas.clock().set(Instant.parse("2001-01-01T00:00:00Z"));

        Http.post(admin(fas, "/reset"), Map.of());

        assertThat(fas.preselectedLogin()).isEmpty();
        assertThat(fas.faults()).isEmpty();
        assertThat(fas.clock().instant()).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void anUnknownRoute_isNotFound(FakeFas fas) throws Exception {
        assertThat(Http.get(admin(fas, "/nothing")).statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongMethod_isRefused(FakeFas fas) throws Exception {
        assertThat(Http.get(admin(fas, "/reset")).statusCode()).isEqualTo(405);
        assertThat(fas.preselectedLogin()).isEmpty();
    }
}
