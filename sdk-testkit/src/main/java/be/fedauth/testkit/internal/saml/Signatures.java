package be.fedauth.testkit.internal.saml;

import be.fedauth.testkit.internal.KeyMaterial;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;

/** Enveloped XML signatures as FAS makes them: RSA-SHA256, SHA-256 digest, exclusive c14n, certificate in KeyInfo. */
final class Signatures {
    private Signatures() {
    }

    static Element sign(SignableSAMLObject object, KeyMaterial key, boolean sha1) {
        return sign(object, key.privateKey(), key.certificate(), sha1);
    }

    static Element sign(SignableSAMLObject object, PrivateKey key, X509Certificate certificate, boolean sha1) {
        SamlRuntime saml = SamlRuntime.get();
        Signature signature = saml.build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(new BasicX509Credential(certificate, key));
        signature.setSignatureAlgorithm(sha1 ? SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1
                : SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        KeyInfo keyInfo = saml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        try {
            KeyInfoSupport.addCertificate(keyInfo, certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        signature.setKeyInfo(keyInfo);
        object.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(
                sha1 ? SignatureConstants.ALGO_ID_DIGEST_SHA1 : SignatureConstants.ALGO_ID_DIGEST_SHA256);
        Element element = saml.marshall(object);
        try {
            Signer.signObject(signature);
        } catch (SignatureException e) {
            throw new IllegalStateException("cannot sign", e);
        }
        return element;
    }
}
