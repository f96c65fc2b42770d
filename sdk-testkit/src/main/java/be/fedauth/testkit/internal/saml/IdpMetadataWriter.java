package be.fedauth.testkit.internal.saml;

import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;

/**
 * The IdP metadata (SAML Metadata 2.4.3): every published signing key (after a rotation the old and
 * the new), the FAS encryption key, SSO over HTTP-Redirect and HTTP-POST, SLO over HTTP-Redirect,
 * transient NameIDs. Signed by the IdP's original (shipped) signing key, which stays published across
 * rotations, so an SP can pin it as the metadata signer.
 */
final class IdpMetadataWriter {
    private IdpMetadataWriter() {
    }

    static String write(IdpSide side, FakeIdpContext context) {
        SamlRuntime saml = SamlRuntime.get();
        EntityDescriptor entity = saml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(side.entityId(context));
        entity.setID("_" + context.randomId());
        IDPSSODescriptor idp = saml.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(Boolean.TRUE);
        List<KeyMaterial> published = side.keys(context).published();
        for (KeyMaterial key : published) {
            idp.getKeyDescriptors().add(keyDescriptor(key.certificate(), UsageType.SIGNING));
        }
        idp.getKeyDescriptors().add(keyDescriptor(context.encryptionKey().certificate(), UsageType.ENCRYPTION));
        SingleLogoutService slo = saml.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
        slo.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        slo.setLocation(context.baseUri() + side.sloPath());
        idp.getSingleLogoutServices().add(slo);
        NameIDFormat format = saml.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
        format.setURI(NameIDType.TRANSIENT);
        idp.getNameIDFormats().add(format);
        for (String binding : List.of(SAMLConstants.SAML2_REDIRECT_BINDING_URI, SAMLConstants.SAML2_POST_BINDING_URI)) {
            SingleSignOnService sso = saml.build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
            sso.setBinding(binding);
            sso.setLocation(context.baseUri() + side.ssoPath());
            idp.getSingleSignOnServices().add(sso);
        }
        entity.getRoleDescriptors().add(idp);
        KeyMaterial signer = published.get(published.size() - 1);
        return new String(SamlRuntime.serialize(Signatures.sign(entity, signer, false)), StandardCharsets.UTF_8);
    }

    private static KeyDescriptor keyDescriptor(X509Certificate certificate, UsageType use) {
        SamlRuntime saml = SamlRuntime.get();
        KeyDescriptor descriptor = saml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        descriptor.setUse(use);
        KeyInfo keyInfo = saml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        try {
            KeyInfoSupport.addCertificate(keyInfo, certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        descriptor.setKeyInfo(keyInfo);
        return descriptor;
    }
}
