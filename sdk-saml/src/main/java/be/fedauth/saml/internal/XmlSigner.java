package be.fedauth.saml.internal;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;

/** Signs SAML objects with an enveloped signature: RSA-SHA256 (or ECDSA-SHA256), SHA-256 digest, exclusive c14n. */
public final class XmlSigner {
    private XmlSigner() {
    }

    /** The signature algorithm URI for a key. */
    public static String algorithm(PrivateKey key) {
        return key instanceof ECPrivateKey ? SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256
                : SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    }

    /** Signs the object in place and returns its DOM. */
    public static Element sign(SignableSAMLObject object, PrivateKey key, X509Certificate certificate) {
        OpenSaml saml = OpenSaml.get();
        Signature signature = saml.build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(new BasicX509Credential(certificate, key));
        signature.setSignatureAlgorithm(algorithm(key));
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        KeyInfo keyInfo = saml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        try {
            KeyInfoSupport.addCertificate(keyInfo, certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the certificate cannot be encoded", e);
        }
        signature.setKeyInfo(keyInfo);
        object.setSignature(signature);
        Element element = saml.marshall(object);
        try {
            Signer.signObject(signature);
        } catch (SignatureException e) {
            throw new IllegalStateException("the SAML object cannot be signed", e);
        }
        return element;
    }
}
