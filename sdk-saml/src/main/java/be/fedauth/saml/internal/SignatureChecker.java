package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import java.util.List;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies the enveloped XML signature of a SAML object, in this order:
 * <ol>
 *   <li>the SAML signature profile (SAML Core 5.4): one {@code ds:Reference}, whose URI is not empty
 *   (an empty URI, "the whole document", is refused) and is the signed element's own ID (which the parser resolved to that very element), enveloped-signature and
 *   exclusive canonicalisation transforms only; this refuses wrapping, XSLT and extra references;</li>
 *   <li>the algorithms ({@link Algorithms}): RSA PKCS#1 v1.5, RSA-PSS or ECDSA with SHA-256 or stronger,
 *   SHA-256 or stronger digests; SHA-1 is refused, with a message naming the algorithm and the IdP
 *   setting to change;</li>
 *   <li>the signature value against the identity provider's metadata keys only. A key or certificate
 *   carried in the signature's {@code KeyInfo} is never used.</li>
 * </ol>
 * Apache Santuario runs with secure validation on (its default since 2.3, the version pinned), which
 * limits transforms and references and refuses RetrievalMethod chains. Stateless and thread-safe.
 */
public final class SignatureChecker {
    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private final SAMLSignatureProfileValidator profile = new SAMLSignatureProfileValidator();

    /**
     * Verifies the signature of {@code object}, which must be signed.
     *
     * @param what "response" or "assertion", for messages
     * @throws AuthenticationException {@code invalid_signature} or {@code unsupported_algorithm}
     */
    public void verify(SignableSAMLObject object, List<BasicX509Credential> trusted, String what) {
        Signature signature = object.getSignature();
        if (signature == null) {
            throw new AuthenticationException(ErrorCode.UNSIGNED_ASSERTION, "the " + what + " is not signed");
        }
        refuseEmptyReference(signature, what);
        try {
            profile.validate(signature);
        } catch (SignatureException e) {
            throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE,
                    "the signature of the " + what + " does not follow the SAML signature profile", e);
        }
        checkAlgorithms(signature, what);
        for (BasicX509Credential credential : trusted) {
            try {
                SignatureValidator.validate(signature, credential);
                return;
            } catch (SignatureException e) {
                // Try the next metadata key (during an IdP key rollover there are two).
            }
        }
        throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE,
                "the signature of the " + what + " does not verify with any key of the identity provider's metadata");
    }

    /**
     * Refuses a Reference without URI or with an empty one. XML-DSig reads it as "the whole document",
     * which OpenSAML's profile check accepts when the signed element is the document element; the
     * signature then covers whatever that document is, not the element by its ID. FAS always names the ID.
     */
    private static void refuseEmptyReference(Signature signature, String what) {
        Element dom = signature.getDOM();
        if (dom == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the " + what + " signature has no DOM");
        }
        NodeList references = dom.getElementsByTagNameNS(DSIG_NS, "Reference");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            if (!reference.hasAttributeNS(null, "URI") || reference.getAttributeNS(null, "URI").isBlank()) {
                throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE,
                        "the " + what + " signature's Reference has an empty URI instead of the signed element's ID");
            }
        }
    }

    private static void checkAlgorithms(Signature signature, String what) {
        Algorithms.checkSignature(signature.getSignatureAlgorithm(), what);
        Element dom = signature.getDOM();
        if (dom == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the " + what + " signature has no DOM");
        }
        NodeList digests = dom.getElementsByTagNameNS(DSIG_NS, "DigestMethod");
        if (digests.getLength() == 0) {
            throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE, "the " + what + " signature has no digest");
        }
        for (int i = 0; i < digests.getLength(); i++) {
            Algorithms.checkDigest(((Element) digests.item(i)).getAttribute("Algorithm"), what);
        }
    }
}
