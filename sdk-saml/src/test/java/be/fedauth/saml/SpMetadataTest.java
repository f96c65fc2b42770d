package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.core.ProviderId;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

class SpMetadataTest {

    @Test
    void spMetadataXml_isSignedByTheSpKeyAndDescribesTheSp() throws Exception {
        SpFixture fixture = new SpFixture();

        String xml = fixture.provider.spMetadataXml();

        OpenSaml saml = OpenSaml.get();
        EntityDescriptor entity = (EntityDescriptor) saml.unmarshall(
                saml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
        SignatureValidator.validate(entity.getSignature(), new BasicX509Credential(fixture.spKey.certificate()));
        assertThat(entity.getEntityID()).isEqualTo(SpFixture.SP_ENTITY_ID);
        SPSSODescriptor sp = entity.getSPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol");
        assertThat(sp.isAuthnRequestsSigned()).isTrue();
        assertThat(sp.getWantAssertionsSigned()).isTrue();
        assertThat(sp.getAssertionConsumerServices().get(0).getLocation()).isEqualTo(SpFixture.ACS);
        assertThat(sp.getSingleLogoutServices().get(0).getLocation()).isEqualTo(SpFixture.SLO);
        assertThat(sp.getKeyDescriptors()).hasSize(2);
    }

    @Test
    void point3_serviceProviderMetadata_duringRollover_publishesEverySigningAndEncryptionCertificateSigned() throws Exception {
        SpKey current = key("sp");
        SpKey next = key("sp-next");
        SpKey encryption = key("sp-enc");
        SpKey nextEncryption = key("sp-enc-next");
        SamlProvider provider = provider(SpKeys.of(current).withNextSigningKey(next).withEncryptionKey(encryption)
                .withNextEncryptionKey(nextEncryption), true);

        String xml = provider.serviceProviderMetadata().orElseThrow();

        SPSSODescriptor sp = verified(xml, current);
        assertThat(certificates(sp, UsageType.SIGNING)).containsExactly(current.certificate(), next.certificate());
        assertThat(certificates(sp, UsageType.ENCRYPTION)).containsExactly(encryption.certificate(),
                nextEncryption.certificate());
        assertThat(sp.getAssertionConsumerServices()).extracting(a -> a.getBinding() + " " + a.getLocation())
                .containsExactly("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST " + SpFixture.ACS);
        assertThat(sp.getSingleLogoutServices()).extracting(s -> s.getBinding() + " " + s.getLocation())
                .containsExactly("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect " + SpFixture.SLO);
    }

    @Test
    void point3_serviceProviderMetadata_withoutSingleLogoutUrl_namesNoSingleLogoutService() throws Exception {
        SpKey current = key("sp");

        SPSSODescriptor sp = verified(provider(SpKeys.of(current), false).serviceProviderMetadata().orElseThrow(), current);

        assertThat(sp.getSingleLogoutServices()).isEmpty();
        assertThat(certificates(sp, UsageType.ENCRYPTION)).containsExactly(current.certificate());
    }

    private static SamlProvider provider(SpKeys keys, boolean singleLogout) {
        TestCredentials metadataKey = TestCredentials.rsa("idp-metadata");
        IdpMetadataSource idp = IdpMetadataSource.fromXml(TestIdp.metadata(TestIdp.ENTITY_ID,
                List.of(TestCredentials.rsa("idp").certificate()), metadataKey), TestIdp.ENTITY_ID)
                .signedBy(metadataKey.certificate()).build();
        SamlSettings.Builder settings = SamlSettings.builder(ProviderId.of("fas-saml"), SpFixture.SP_ENTITY_ID,
                URI.create(SpFixture.ACS), keys, idp);
        if (singleLogout) {
            settings.singleLogoutUrl(URI.create(SpFixture.SLO));
        }
        return SamlProvider.create(settings.build());
    }

    /** The SP descriptor of metadata whose signature verifies with {@code signer}'s certificate. */
    private static SPSSODescriptor verified(String xml, SpKey signer) throws Exception {
        OpenSaml saml = OpenSaml.get();
        EntityDescriptor entity = (EntityDescriptor) saml.unmarshall(
                saml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
        SignatureValidator.validate(entity.getSignature(), new BasicX509Credential(signer.certificate()));
        return entity.getSPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol");
    }

    private static SpKey key(String name) {
        TestCredentials credentials = TestCredentials.rsa(name);
        return SpKey.of(credentials.keyPair().getPrivate(), credentials.certificate());
    }

    private static List<X509Certificate> certificates(SPSSODescriptor sp, UsageType use) throws Exception {
        List<X509Certificate> certificates = new java.util.ArrayList<>();
        for (KeyDescriptor descriptor : sp.getKeyDescriptors()) {
            if (descriptor.getUse() == use) {
                certificates.addAll(KeyInfoSupport.getCertificates(descriptor.getKeyInfo()));
            }
        }
        return certificates;
    }
}
