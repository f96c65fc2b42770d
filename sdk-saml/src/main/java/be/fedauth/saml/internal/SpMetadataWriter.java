package be.fedauth.saml.internal;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EncryptionMethod;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;

/** Writes the SP's metadata (SAML Metadata 2.4.4), signed with the SP's current key. */
public final class SpMetadataWriter {
    private SpMetadataWriter() {
    }

    /**
     * The signed metadata document.
     *
     * @param id the document's ID (the signature references it)
     */
    public static String write(String id, String entityId, String acsUrl, Optional<String> sloUrl,
                               List<X509Certificate> signing, List<X509Certificate> encryption,
                               PrivateKey key, X509Certificate certificate) {
        OpenSaml saml = OpenSaml.get();
        EntityDescriptor entity = saml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setID(id);
        entity.setEntityID(entityId);
        SPSSODescriptor sp = saml.build(SPSSODescriptor.DEFAULT_ELEMENT_NAME);
        sp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        sp.setAuthnRequestsSigned(Boolean.TRUE);
        sp.setWantAssertionsSigned(Boolean.TRUE);
        for (X509Certificate cert : signing) {
            sp.getKeyDescriptors().add(keyDescriptor(cert, UsageType.SIGNING));
        }
        for (X509Certificate cert : encryption) {
            KeyDescriptor descriptor = keyDescriptor(cert, UsageType.ENCRYPTION);
            for (String algorithm : List.of(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
                    EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM, EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP)) {
                EncryptionMethod method = saml.build(EncryptionMethod.DEFAULT_ELEMENT_NAME);
                method.setAlgorithm(algorithm);
                descriptor.getEncryptionMethods().add(method);
            }
            sp.getKeyDescriptors().add(descriptor);
        }
        sloUrl.ifPresent(url -> {
            SingleLogoutService slo = saml.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
            slo.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
            slo.setLocation(url);
            sp.getSingleLogoutServices().add(slo);
        });
        NameIDFormat format = saml.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
        format.setURI(NameIDType.TRANSIENT);
        sp.getNameIDFormats().add(format);
        AssertionConsumerService acs = saml.build(AssertionConsumerService.DEFAULT_ELEMENT_NAME);
        acs.setBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        acs.setLocation(acsUrl);
        acs.setIndex(0);
        acs.setIsDefault(Boolean.TRUE);
        sp.getAssertionConsumerServices().add(acs);
        entity.getRoleDescriptors().add(sp);
        return new String(OpenSaml.serialize(XmlSigner.sign(entity, key, certificate)), StandardCharsets.UTF_8);
    }

    private static KeyDescriptor keyDescriptor(X509Certificate certificate, UsageType use) {
        OpenSaml saml = OpenSaml.get();
        KeyDescriptor descriptor = saml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        descriptor.setUse(use);
        KeyInfo keyInfo = saml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        try {
            KeyInfoSupport.addCertificate(keyInfo, certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the certificate cannot be encoded", e);
        }
        descriptor.setKeyInfo(keyInfo);
        return descriptor;
    }
}
