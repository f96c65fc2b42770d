package be.fedauth.testkit.saml;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.LoginRequest;
import be.fedauth.core.LoginRedirect;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;

/** The fake's SAML endpoints over HTTP: signed metadata, and AuthnRequests it must refuse. */
class FakeSamlIdpTest {
    private static SamlHarness harness;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        harness = new SamlHarness(Instant.parse("2026-03-02T10:00:00Z"), false);
        InitializationService.initialize();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void fasMetadata_isSignedByTheFasKeyAndNamesTheEntity() throws Exception {
        EntityDescriptor entity = metadata(harness.fas.samlMetadataUri());

        SignatureValidator.validate(entity.getSignature(), new BasicX509Credential(harness.fas.signingCertificate()));
        assertThat(entity.getEntityID()).isEqualTo(harness.fas.samlEntityId());
        assertThat(entity.getIDPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol").getSingleSignOnServices()).hasSize(2);
    }

    @Test
    void socialSecurityMetadata_isSignedByItsOwnKeyUnderItsOwnEntityId() throws Exception {
        EntityDescriptor entity = metadata(harness.fas.socialSecurityMetadataUri());

        SignatureValidator.validate(entity.getSignature(),
                new BasicX509Credential(harness.fas.socialSecuritySigningCertificate()));
        assertThat(entity.getEntityID()).isEqualTo(harness.fas.socialSecurityEntityId()).endsWith("/socsec");
    }

    @Test
    void sso_requestWithItsSignatureRemoved_isRefusedWith400() throws Exception {
        LoginRedirect redirect = harness.fasProvider(b -> b).startLogin(LoginRequest.builder().build());
        String location = redirect.redirect().location().toString();
        URI unsigned = URI.create(location.substring(0, location.indexOf("&SigAlg=")));

        assertThat(get(unsigned).statusCode()).isEqualTo(400);
    }

    @Test
    void sso_requestFromAnUnknownSp_isRefusedWith400() throws Exception {
        SamlProvider stranger = be.fedauth.saml.SamlProvider.create(SamlSettings.builder(
                be.fedauth.core.ProviderId.of("stranger"), "https://stranger.example/sp", SamlHarness.ACS,
                strangerKeys(), be.fedauth.saml.IdpMetadataSource.fromUrl(harness.fas.samlMetadataUri(),
                        harness.fas.samlEntityId()).signedBy(harness.fas.signingCertificate()).build()).build());

        HttpResponse<String> response = get(stranger.startLogin(LoginRequest.builder().build()).redirect().location());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("unknown service provider");
    }

    @Test
    void sso_validRequest_leadsToTheLoginPage() throws Exception {
        LoginRedirect redirect = harness.fasProvider(b -> b).startLogin(LoginRequest.builder().build());

        HttpResponse<String> response = get(redirect.redirect().location());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/testkit/login"));
    }

    private static be.fedauth.saml.SpKeys strangerKeys() {
        var key = be.fedauth.testkit.internal.TestKeys.fresh("stranger");
        return be.fedauth.saml.SpKeys.of(be.fedauth.saml.SpKey.of(key.privateKey(), key.certificate()));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private EntityDescriptor metadata(URI uri) throws Exception {
        String xml = get(uri).body();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        return (EntityDescriptor) XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root)
                .unmarshall(root);
    }
}
