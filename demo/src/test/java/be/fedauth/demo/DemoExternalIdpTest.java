package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pointed by its options at identity providers it did not start (here a fake FAS started
 * beside it, standing in for a real one): an OpenID provider by issuer and client, a SAML IdP by
 * metadata URL, signing certificate and the portal's own PKCS#12 keystore.
 */
class DemoExternalIdpTest {
    private static FakeIdp idp;
    private static DemoPortal demo;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        idp = FakeIdp.start(Path.of("target", "fake-idp.jar"), 0, java.util.Optional.empty());
        Path cert = dir.resolve("idp.pem");
        Files.writeString(cert, pem(idp.signingCertificate()));
        Path keystore = dir.resolve("sp.p12");
        X509Certificate spCert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(idp.resource("demo-sp.cert.pem").getBytes(StandardCharsets.US_ASCII)));
        writeKeystore(keystore, privateKey(idp.resource("demo-sp.key.pem")), spCert);

        demo = DemoPortal.start(DemoOptions.parse(new String[] {"--port", "0", "--no-fake-idp",
                "--oidc-issuer", idp.oidcIssuer().toString(), "--oidc-client-id", FakeIdp.CLIENT_ID,
                "--saml-idp-metadata", idp.samlMetadataUri().toString(), "--saml-idp-entity-id", idp.samlEntityId(),
                "--saml-idp-metadata-cert", cert.toString(), "--saml-keystore", keystore.toString()},
                Map.of("FEDAUTH_DEMO_OIDC_CLIENT_SECRET", FakeIdp.CLIENT_SECRET,
                        "FEDAUTH_DEMO_SAML_KEYSTORE_PASSWORD", "changeit")));
        URI portal = demo.url();
        idp.registerOidcClient(portal.resolve("/callback/oidc"));
        idp.registerSamlServiceProvider(portal.resolve("/saml/sp").toString(), portal.resolve("/callback/saml"),
                portal.resolve("/saml/slo"), spCert);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    void oidc_againstAnIssuerGivenByOption_logsIn() {
        Browser browser = new Browser(demo.url());
        idp.preselectLogin("citizen", "ITSME");

        browser.follow(browser.get("/login?protocol=oidc&key=ITSME"));

        assertThat(browser.get("/api/me").body()).contains("\"provider\":\"fas-oidc\"", "\"key\":\"ITSME\"");
    }

    @Test
    void saml_againstMetadataGivenByOption_logsIn() {
        Browser browser = new Browser(demo.url());
        idp.preselectLogin("local-manager", "EID");

        browser.follow(browser.get("/login?protocol=saml&service=PLDA&key=EID"));

        assertThat(browser.get("/api/me").body()).contains("\"provider\":\"fas-saml\"", "\"key\":\"EID\"");
    }

    @Test
    void withoutASocialSecurityIdp_nctsHasNoTransition() {
        assertThat(demo.fake()).isEmpty();
        assertThat(new Browser(demo.url()).get("/").body()).doesNotContain("SOCIAL_SECURITY", "ncts-phase");
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static void writeKeystore(Path file, PrivateKey key, X509Certificate cert) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sp", key, "changeit".toCharArray(), new Certificate[] {cert});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
    }
}
