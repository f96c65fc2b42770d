package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.support.SpFixture;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
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
}
