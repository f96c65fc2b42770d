package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {
    private static final URI REDIRECT = URI.create("https://customs.example/callback/oidc");
    private static final ClientAuthentication SECRET = ClientAuthentication.clientSecretBasic("s3cr3t-value");

    @Test
    void fasProduction_presetsTheFasEndpoints_withoutDiscovery() {
        OidcSettings s = OidcSettings.fasProduction("my-client", REDIRECT, SECRET).build();

        assertThat(s.issuer()).hasToString("https://idp.iamfas.belgium.be/fas/oauth2");
        assertThat(s.tokenEndpoint()).contains(URI.create("https://idp.iamfas.belgium.be/fas/oauth2/access_token"));
        assertThat(s.jwksUri()).contains(URI.create("https://idp.iamfas.belgium.be/fas/oauth2/connect/jwk_uri"));
        assertThat(s.endSessionEndpoint()).contains(URI.create("https://idp.iamfas.belgium.be/fas/oauth2/connect/endSession"));
        assertThat(s.discovery()).isFalse();
        assertThat(s.issuerAlias()).isEmpty();
    }

    @Test
    void fasIntegration_usesTheIntegrationHost() {
        OidcSettings s = OidcSettings.fasIntegration("my-client", REDIRECT, SECRET).build();

        assertThat(s.issuer()).hasToString("https://idp.iamfas.int.belgium.be/fas/oauth2");
        assertThat(s.authorizationEndpoint()).contains(URI.create("https://idp.iamfas.int.belgium.be/fas/oauth2/authorize"));
    }

    @Test
    void preset_everyValueCanBeOverridden() {
        OidcSettings s = OidcSettings.fasIntegration("my-client", REDIRECT, SECRET)
                .issuerAlias(URI.create("http://idp.iamfas.int.belgium.be:80/fas/oauth2"))
                .tokenEndpoint(URI.create("https://proxy.example/token")).scopes(List.of("profile"))
                .clockSkew(Duration.ofSeconds(10)).build();

        assertThat(s.issuerAlias()).contains(URI.create("http://idp.iamfas.int.belgium.be:80/fas/oauth2"));
        assertThat(s.tokenEndpoint()).contains(URI.create("https://proxy.example/token"));
        assertThat(s.scopes()).containsExactly("openid", "profile");
        assertThat(s.clockSkew()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void defaults_allowRs256Ps256Es256AndSixtySecondsOfSkew() {
        OidcSettings s = OidcSettings.fasProduction("c", REDIRECT, SECRET).build();

        assertThat(s.algorithms()).containsExactlyInAnyOrder("RS256", "PS256", "ES256");
        assertThat(s.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.scopes()).startsWith("openid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "HS384", "HS512", "RSA1_5"})
    void build_withNoneOrHmacAllowed_isRefused(String alg) {
        OidcSettings.Builder b = OidcSettings.fasProduction("c", REDIRECT, SECRET).algorithms(Set.of("RS256", alg));

        assertThatThrownBy(b::build).isInstanceOf(ConfigurationException.class).hasMessageContaining(alg);
    }

    @Test
    void build_withClockSkewAboveFiveMinutes_isRefused() {
        OidcSettings.Builder b = OidcSettings.fasProduction("c", REDIRECT, SECRET).clockSkew(Duration.ofMinutes(6));

        assertThatThrownBy(b::build).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void build_withHttpIssuer_isRefused() {
        OidcSettings.Builder b = OidcSettings.builder(URI.create("http://idp.example/fas/oauth2"), "c", REDIRECT, SECRET);

        assertThatThrownBy(b::build).isInstanceOf(ConfigurationException.class).hasMessageContaining("https");
    }

    @Test
    void build_withHttpLoopbackIssuerAndTheWeakening_isAccepted() {
        OidcSettings s = OidcSettings.builder(URI.create("http://127.0.0.1:8081/fas/oauth2"), "c",
                URI.create("http://localhost:8080/cb"), SECRET).allowHttpForLoopback().build();

        assertThat(s.httpForLoopback()).isTrue();
        assertThat(s.toString()).contains("WEAKENED: allowHttpForLoopback");
    }

    @Test
    void build_withHttpNonLoopbackIssuerAndTheWeakening_isStillRefused() {
        OidcSettings.Builder b = OidcSettings.builder(URI.create("http://idp.example/fas/oauth2"), "c", REDIRECT, SECRET)
                .allowHttpForLoopback();

        assertThatThrownBy(b::build).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void build_withoutDiscoveryOrEndpoints_isRefused() {
        OidcSettings.Builder b = OidcSettings.builder(URI.create("https://idp.example"), "c", REDIRECT, SECRET)
                .discovery(false);

        assertThatThrownBy(b::build).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void toString_neverShowsTheClientSecret() {
        OidcSettings s = OidcSettings.fasProduction("c", REDIRECT, SECRET).build();

        assertThat(s.toString()).doesNotContain("s3cr3t-value").contains("client_secret_basic");
        assertThat(SECRET.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void clientSecretBasic_blank_isRefused() {
        assertThatThrownBy(() -> ClientAuthentication.clientSecretBasic(" ")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void toBuilder_keepsEveryValue() {
        OidcSettings s = OidcSettings.fasProduction("c", REDIRECT, SECRET).userinfo(false)
                .issuerAlias(URI.create("http://x:80/fas/oauth2")).build();

        OidcSettings copy = s.toBuilder().build();

        assertThat(copy.userinfo()).isFalse();
        assertThat(copy.issuerAlias()).isEqualTo(Optional.of(URI.create("http://x:80/fas/oauth2")));
        assertThat(copy.replayCache()).isSameAs(s.replayCache());
    }

    @Test
    void privateKeyJwt_withAnRsaKeyBelow2048Bits_isRefused() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        java.security.PrivateKey weak = g.generateKeyPair().getPrivate();

        assertThatThrownBy(() -> ClientAuthentication.privateKeyJwt(weak, "k")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void privateKeyJwt_toString_showsTheKidButNotTheKey() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));

        ClientAuthentication auth = ClientAuthentication.privateKeyJwt(g.generateKeyPair().getPrivate(), "kid-7");

        assertThat(auth.algorithm()).isEqualTo("ES256");
        assertThat(auth.toString()).contains("kid-7").contains("key=***");
    }
}
