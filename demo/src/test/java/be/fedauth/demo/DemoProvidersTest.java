package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ProviderId;
import be.fedauth.oidc.OidcClaimNames;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 point 1: the profile options reach the providers the demo builds for identity providers it did not start. */
class DemoProvidersTest {
    private static final Path KEYS = Path.of("..", "sdk-testkit", "src", "main", "resources", "be", "fedauth", "testkit", "keys");
    private static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";
    @TempDir
    static Path dir;
    private static Path keystore;

    @BeforeAll
    static void keystore() throws Exception {
        String key = Files.readString(KEYS.resolve("demo-sp.key.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                Files.readString(KEYS.resolve("demo-sp.cert.pem")).getBytes(StandardCharsets.US_ASCII)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sp", KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key))), "changeit".toCharArray(), new Certificate[] {cert});
        keystore = dir.resolve("sp.p12");
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, "changeit".toCharArray());
        }
    }

    /** The providers for an OpenID provider and a SAML IdP by metadata URL (nothing is fetched yet). */
    private static DemoProviders create(String... extra) {
        List<String> args = new ArrayList<>(List.of("--no-fake-idp", "--oidc-issuer", "https://idp.example/oidc",
                "--oidc-client-id", "portal", "--oidc-client-secret", "secret-0123456789",
                "--saml-idp-metadata", "http://127.0.0.1:9/saml/metadata", "--saml-idp-entity-id", "https://idp.example/saml",
                "--saml-keystore", keystore.toString(), "--saml-keystore-password", "changeit"));
        args.addAll(List.of(extra));
        return DemoProviders.create(DemoOptions.parse(args.toArray(String[]::new), Map.of()), Optional.empty(),
                URI.create("https://portal.example"), Clock.systemUTC());
    }

    @Test
    void point1_samlMetadataByUrlWithoutCertificate_needsTheUnsignedOptIn() {
        assertThatThrownBy(DemoProvidersTest::create).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--saml-idp-metadata-unsigned");

        assertThat(create("--saml-idp-metadata-unsigned").general().get("saml").id()).isEqualTo(ProviderId.of("fas-saml"));
    }

    @Test
    void point1_unsignedMetadataAndAMetadataCertificate_excludeEachOther() {
        assertThatThrownBy(() -> create("--saml-idp-metadata-unsigned", "--saml-idp-metadata-cert",
                KEYS.resolve("fas-signing.cert.pem").toString())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("exclude");
    }

    @Test
    void point1_profileOptions_reachTheProviders() {
        DemoProviders providers = create("--saml-idp-metadata-unsigned", "--oidc-profile", "generic",
                "--oidc-require-national-number", "--saml-profile", "generic", "--saml-provider-id", "keycloak-saml",
                "--saml-default-level", "400", "--saml-require-encrypted-assertions", "--saml-response-signature-only");

        OidcSettings oidc = ((OidcProvider) providers.general().get("oidc")).settings();
        assertThat(oidc.providerId()).isEqualTo(ProviderId.of("oidc"));
        assertThat(oidc.claimNames()).isEqualTo(OidcClaimNames.STANDARD);
        assertThat(oidc.requireNationalNumber()).isTrue();
        SamlSettings saml = ((SamlProvider) providers.general().get("saml")).settings();
        assertThat(saml.id()).isEqualTo(ProviderId.of("keycloak-saml"));
        assertThat(saml.requireEncryptedAssertions()).isTrue();
        assertThat(saml.acceptResponseSignatureOnly()).isTrue();
        assertThat(saml.profile().attributes().friendlyNames()).isTrue();
        assertThat(saml.profile().vocabulary().interpret(List.of(UNSPECIFIED)).level()).isEqualTo(AssuranceLevel.LEVEL_400);
    }

    @Test
    void point1_byDefault_theProvidersKeepTheFasProfiles() {
        DemoProviders providers = create("--saml-idp-metadata-unsigned");

        assertThat(((OidcProvider) providers.general().get("oidc")).settings().claimNames()).isEqualTo(OidcClaimNames.FAS);
        SamlSettings saml = ((SamlProvider) providers.general().get("saml")).settings();
        assertThat(saml.profile().attributes().friendlyNames()).isFalse();
        assertThat(saml.requireEncryptedAssertions()).isFalse();
    }
}
