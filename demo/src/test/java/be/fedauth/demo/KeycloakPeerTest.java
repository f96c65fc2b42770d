package be.fedauth.demo;

import static be.fedauth.demo.PeerLogin.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.ErrorCode;
import be.fedauth.demo.peers.FreePort;
import be.fedauth.demo.peers.Hop;
import be.fedauth.demo.peers.Keycloak;
import be.fedauth.demo.peers.KeycloakRealm;
import be.fedauth.demo.peers.KeycloakRealm.OidcClient;
import be.fedauth.demo.peers.KeycloakRealm.SamlClient;
import be.fedauth.demo.peers.TestKey;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "Done when": the demo, configured only by its options, logs in against Keycloak 26.5
 * (unmodified; scripts/setup.d/40-keycloak.sh installs it, and this test fails without it) over
 * OpenID Connect and over SAML with signed and with encrypted (AES-256-GCM) assertions, through its
 * HTTP surface; each login has a negative twin that is refused. Keycloak starts once for the class
 * (about 25 s) with one realm holding every client; three demos use it:
 * <ul>
 *   <li>{@code portal}: OIDC client {@code fedauth-demo} and a signed SAML client, generic profiles;</li>
 *   <li>{@code encrypted}: a SAML client whose assertions are encrypted, encryption required;</li>
 *   <li>{@code misconfigured}: an OIDC client whose ID tokens are also addressed to another party, and
 *       Keycloak's SAML metadata with another signing certificate in it.</li>
 * </ul>
 */
class KeycloakPeerTest {
    @TempDir
    static Path dir;
    private static Keycloak keycloak;
    private static DemoPortal portal;
    private static DemoPortal encrypted;
    private static DemoPortal misconfigured;
    private static String anotherSp;

    @BeforeAll
    static void start() throws Exception {
        TestKey spKey = TestKey.generate(dir, "demo-sp");
        URI a = loopback(FreePort.pick());
        URI b = loopback(FreePort.pick());
        URI c = loopback(FreePort.pick());
        anotherSp = b.resolve("/saml/another-portal").toString();
        keycloak = Keycloak.start(KeycloakRealm.named("fedauth")
                .with(OidcClient.of("fedauth-demo", PeerLogin.CLIENT_SECRET, a))
                .with(SamlClient.signed(a.resolve("/saml/sp").toString(), a, spKey.certificate()))
                .with(SamlClient.encrypted(b.resolve("/saml/sp").toString(), b, spKey.certificate()))
                .with(SamlClient.encrypted(anotherSp, b, spKey.certificate()).withUnsignedRequests())
                .with(OidcClient.of("fedauth-shared", PeerLogin.CLIENT_SECRET, c).alsoAddressedTo("another-portal"))
                .with(SamlClient.signed(c.resolve("/saml/sp").toString(), c, spKey.certificate())));
        String[] saml = {"--saml-keystore", spKey.pkcs12().toString(), "--saml-idp-entity-id", keycloak.entityId(),
            "--saml-profile", "generic",
            "--saml-default-level", "200", "--saml-provider-id", "keycloak-saml"};
        portal = PeerLogin.demo(a.getPort(), concat(saml, "--saml-idp-metadata", keycloak.metadataUrl().toString(),
                "--saml-idp-metadata-unsigned",
                "--oidc-issuer", keycloak.oidcIssuer().toString(), "--oidc-client-id", "fedauth-demo",
                "--oidc-profile", "generic", "--oidc-levels", "1=200", "--oidc-provider-id", "keycloak-oidc"));
        encrypted = PeerLogin.demo(b.getPort(), concat(saml, "--saml-idp-metadata", keycloak.metadataUrl().toString(),
                "--saml-idp-metadata-unsigned", "--saml-require-encrypted-assertions"));
        misconfigured = PeerLogin.demo(c.getPort(), concat(saml,
                "--saml-idp-metadata", metadataWithAnotherKey(TestKey.generate(dir, "not-keycloak")).toString(),
                "--oidc-issuer", keycloak.oidcIssuer().toString(), "--oidc-client-id", "fedauth-shared",
                "--oidc-profile", "generic", "--oidc-levels", "1=200"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {misconfigured, encrypted, portal, keycloak}) {
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    // Stopping is best effort.
                }
            }
        }
    }

    @Test
    void point13_keycloakOidc_logsIn_withGenericMapping() {
        String me = PeerLogin.logIn(portal, "oidc", KeycloakPeerTest::logIn).me();

        assertThat(me).contains("\"givenName\":\"Marie\"", "\"familyName\":\"Dupont\"",
                "\"email\":\"marie.dupont@example.be\"", "\"level\":200", "\"provider\":\"keycloak-oidc\"");
    }

    @Test
    void point13_keycloakOidc_idTokenAlsoAddressedToAnotherParty_isRefused() {
        PeerLogin.logIn(misconfigured, "oidc", KeycloakPeerTest::logIn).assertRefused(ErrorCode.AUDIENCE_MISMATCH);
    }

    @Test
    void point13_keycloakSaml_signedAssertion_logsIn_withGenericMapping() {
        String me = PeerLogin.logIn(portal, "saml", KeycloakPeerTest::logIn).me();

        assertThat(me).contains("\"givenName\":\"Marie\"", "\"familyName\":\"Dupont\"",
                "\"email\":\"marie.dupont@example.be\"", "\"level\":200", "\"provider\":\"keycloak-saml\"");
    }

    @Test
    void point13_keycloakSaml_metadataNamingAnotherSigningKey_isRefused() {
        PeerLogin.logIn(misconfigured, "saml", KeycloakPeerTest::logIn).assertRefused(ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void point13_keycloakSaml_encryptedAssertion_logsIn() {
        String me = PeerLogin.logIn(encrypted, "saml", KeycloakPeerTest::logIn).me();

        assertThat(me).contains("\"givenName\":\"Marie\"", "\"familyName\":\"Dupont\"",
                "\"email\":\"marie.dupont@example.be\"", "\"level\":200");
    }

    @Test
    void point13_keycloakSaml_encryptedAssertionForAnotherServiceProvider_isRefused() {
        // The portal's AuthnRequest, reissued under another SP's name: Keycloak answers that SP (the
        // assertion is addressed to it) and the portal's ACS gets the answer to its own request ID.
        PeerLogin.logIn(encrypted, "saml", toKeycloak -> logIn(reissued(toKeycloak, anotherSp)))
                .assertRefused(ErrorCode.AUDIENCE_MISMATCH);
    }

    private static Hop logIn(Hop toKeycloak) {
        return keycloak.logIn(toKeycloak, Keycloak.USERNAME, Keycloak.PASSWORD);
    }

    /** Keycloak's SAML metadata as a local file in which another certificate stands for its signing key. */
    private static Path metadataWithAnotherKey(TestKey other) throws Exception {
        String metadata = HttpClient.newHttpClient().send(HttpRequest.newBuilder(keycloak.metadataUrl()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String swapped = metadata.replaceAll("(<(?:\\w+:)?X509Certificate>)[^<]*(</)", "$1" + other.certificateBase64() + "$2");
        assertThat(swapped).isNotEqualTo(metadata);
        return Files.writeString(dir.resolve("keycloak-metadata-another-key.xml"), swapped);
    }

    /** An HTTP-Redirect AuthnRequest with its Issuer replaced and its signature dropped. */
    private static Hop reissued(Hop toIdp, String issuer) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : toIdp.uri().getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String xml = new String(inflate(Base64.getDecoder().decode(query.get("SAMLRequest"))), StandardCharsets.UTF_8);
        String changed = xml.replaceFirst("(<(?:\\w+:)?Issuer\\b[^>]*>)[^<]*(</)", "$1" + issuer + "$2");
        assertThat(changed).isNotEqualTo(xml);
        String uri = toIdp.uri().toString().split("\\?", 2)[0] + "?SAMLRequest="
                + URLEncoder.encode(Base64.getEncoder().encodeToString(deflate(changed.getBytes(StandardCharsets.UTF_8))),
                        StandardCharsets.UTF_8)
                + (query.containsKey("RelayState") ? "&RelayState=" + URLEncoder.encode(query.get("RelayState"),
                        StandardCharsets.UTF_8) : "");
        return Hop.get(URI.create(uri));
    }

    private static byte[] inflate(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InflaterOutputStream inflater = new InflaterOutputStream(out, new Inflater(true))) {
            inflater.write(raw);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFLATED, true))) {
            deflater.write(xml);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
