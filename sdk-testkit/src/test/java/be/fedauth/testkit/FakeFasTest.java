package be.fedauth.testkit;

import be.fedauth.core.SettableClock;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.KeyRetirement;
import be.fedauth.core.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java API of the fake: URLs, recorded requests, attacks, keys, lifecycle. */
class FakeFasTest {
    @RegisterExtension
    static final FakeFasExtension FAS = FakeFasExtension.configured(b -> b.extraEndpoints(new TestProtocol()));

    @Test
    void urls_followTheFasLayoutOnTheLoopbackPort(FakeFas fas) {
        String base = "http://127.0.0.1:" + fas.port();

        assertThat(fas.baseUri()).isEqualTo(URI.create(base));
        assertThat(fas.oidcIssuer()).isEqualTo(URI.create(base + "/fas/oauth2"));
        assertThat(fas.oidcDiscoveryUri()).isEqualTo(URI.create(base + "/fas/oauth2/.well-known/openid-configuration"));
        assertThat(fas.samlEntityId()).isEqualTo(base + "/fas");
        assertThat(fas.samlMetadataUri()).isEqualTo(URI.create(base + "/fas/saml/metadata"));
        assertThat(fas.socialSecurityMetadataUri()).isEqualTo(URI.create(base + "/socsec/saml/metadata"));
    }

    @Test
    void recordedRequests_holdWhatTheApplicationSent_oldestFirst(FakeFas fas) throws Exception {
        Http.post(fas.uri(Endpoint.OIDC_TOKEN), Map.of("grant_type", "authorization_code"));
        Http.get(URI.create(fas.baseUri() + "/test/json?a=b"));

        assertThat(fas.recordedRequests()).extracting(RecordedRequest::path)
                .containsExactly("/fas/oauth2/access_token", "/test/json");
        assertThat(fas.recordedRequests(Endpoint.OIDC_TOKEN)).singleElement()
                .satisfies(r -> assertThat(r.parameter("grant_type")).contains("authorization_code"));
    }

    @Test
    void aPathNoEndpointHandles_isNotFound(FakeFas fas) throws Exception {
        assertThat(Http.get(URI.create(fas.baseUri() + "/nothing/here")).statusCode()).isEqualTo(404);
    }

    @Test
    void anEndpointThatFails_answers500WithoutItsMessage(FakeFas fas) throws Exception {
        HttpResponse<String> response = Http.get(URI.create(fas.baseUri() + "/test/boom"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret-detail");
    }

    @Test
    void queueAttack_refusesAnEnumThatIsNotAnAttack(FakeFas fas) {
        assertThatThrownBy(() -> fas.queueAttack(Language.FR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queueAttack_keepsTheAttackUntilUsed(FakeFas fas) {
        fas.queueAttack(OidcAttack.BAD_SIGNATURE);

        assertThat(fas.pendingAttacks()).containsExactly(OidcAttack.BAD_SIGNATURE);
    }

    @Test
    void preselectLogin_unknownPersona_isRefused(FakeFas fas) {
        assertThatThrownBy(() -> fas.preselectLogin("nobody", DigitalKey.EID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shippedKeys_areTheSameAcrossRestarts() {
        String first;
        try (FakeFas one = FakeFas.builder().start()) {
            first = one.signingKeyId();
        }
        try (FakeFas two = FakeFas.builder().start()) {
            assertThat(two.signingKeyId()).isEqualTo(first);
        }
    }

    @Test
    void freshKeys_differFromTheShippedOnes(FakeFas fas) {
        try (FakeFas fresh = FakeFas.builder().freshKeys(true).start()) {
            assertThat(fresh.signingKeyId()).isNotEqualTo(fas.signingKeyId());
        }
    }

    @Test
    void rotateSigningKey_changesTheCurrentKey(FakeFas fas) {
        String before = fas.signingKeyId();

        String after = fas.rotateSigningKey();

        assertThat(after).isNotEqualTo(before).isEqualTo(fas.signingKeyId());
    }

    @Test
    void start_onABusyPort_failsWithAConfigurationError(FakeFas fas) {
        assertThatThrownBy(() -> FakeFas.builder().port(fas.port()).start()).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void start_withAPersonaFile_usesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("personas.json");
        Files.writeString(file, """
                {"people": [{"id": "solo", "nationalNumber": "85.07.30-033.28", "givenName": "Solo", "familyName": "One",
                  "language": "en", "fedid": "2e1a61333845009fd480471bf9e7993938a0a0c4", "keys": ["EID"]}]}
                """);

        try (FakeFas fas = FakeFas.builder().personasFile(file).start()) {
            assertThat(fas.personas().people()).extracting(Person::id).containsExactly("solo");
        }
    }

    @Test
    void registerOidcClient_addsAClientAtRunTime(FakeFas fas) {
        fas.registerOidcClient(OidcClient.withSecret("app", "s3cret", java.util.List.of(URI.create("http://127.0.0.1:1/cb"))));

        assertThat(fas.personas().oidcClient("app")).isPresent();
        assertThat(fas.personas().oidcClient("app").get().toString()).doesNotContain("s3cret");
    }

    @Test
    void keyRetirements_areConfigurable_soAnotherKeyCanBeRetiredOnADate() throws Exception {
        KeyRetirement itsme = new KeyRetirement(DigitalKey.ITSME, Instant.parse("2030-01-01T00:00:00Z"));
        try (FakeFas fas = TestProtocol.fake().keyRetirements(List.of(itsme))
                .clock(SettableClock.fixed(Instant.parse("2030-01-02T00:00:00Z"))).start()) {
            fas.preselectLogin("citizen", DigitalKey.ITSME);

            HttpResponse<String> response = Http.get(URI.create(fas.baseUri() + "/test/authorize?redirect_uri=http://127.0.0.1:1/cb"));

            assertThat(Http.locationQuery(response)).containsEntry("reason", List.of("KEY_RETIRED"));
        }
    }

    @Test
    void withoutKeyRetirements_theTokenStillWorks() throws Exception {
        try (FakeFas fas = TestProtocol.fake().keyRetirements(List.of()).start()) {
            fas.preselectLogin("foreigner", DigitalKey.PASSWORD_TOKEN);

            HttpResponse<String> response = Http.get(URI.create(fas.baseUri() + "/test/authorize?redirect_uri=http://127.0.0.1:1/cb"));

            assertThat(Http.locationQuery(response)).containsEntry("person", List.of("foreigner"));
        }
    }

    @Test
    void close_freesThePort() throws Exception {
        FakeFas fas = FakeFas.builder().start();
        int port = fas.port();

        fas.close();

        try (FakeFas again = FakeFas.builder().port(port).start()) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
