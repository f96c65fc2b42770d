package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Map;
import java.util.Set;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * The one list of the algorithms this module accepts from an identity provider, for XML signatures
 * (Response, assertion, metadata), HTTP-Redirect signatures ({@code SigAlg}) and XML encryption, and
 * the refusal of any other: {@code unsupported_algorithm}, with a message that names the algorithm URI
 * (cleaned, it comes from the message) and the identity provider setting to change, so that an
 * operator can fix the IdP side without reading code.
 *
 * <p>Accepted: RSA PKCS#1 v1.5, RSA-PSS (RFC 6931 2.3.10: MGF1 with the same hash, salt as long as the
 * hash, trailer 1) and ECDSA, each with SHA-256, SHA-384 or SHA-512; SHA-256+ digests; AES-GCM content
 * encryption; RSA-OAEP key transport. Refused: anything with SHA-1 (collisions, SHAttered 2017), AES-CBC
 * (padding oracle, Jager and Somorovsky 2011), RSA PKCS#1 v1.5 key transport (Bleichenbacher 1998) and
 * every algorithm not listed. OpenSAML 4.0.1 knows no RSA-PSS URI; Apache Santuario 2.3.5 verifies them
 * with the JDK's {@code RSASSA-PSS} and these parameters. Stateless.
 */
final class Algorithms {
    /** RSASSA-PSS with SHA-256 and MGF1-SHA-256 (RFC 6931 2.3.10); not in OpenSAML 4.0.1's constants. */
    static final String RSA_SHA256_MGF1 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";
    static final String RSA_SHA384_MGF1 = "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1";
    static final String RSA_SHA512_MGF1 = "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1";

    /** What to tell the operator about a signature algorithm: a generic IdP, then Keycloak's client setting. */
    private static final String SIGNATURE_SETTING = "set the IdP's signature algorithm for this SP to RSA-SHA256,"
            + " RSA-SHA256-MGF1 (RSA-PSS) or ECDSA-SHA256 or stronger (Keycloak: client > Signature algorithm ="
            + " RSA_SHA256 or RSA_SHA256_MGF1)";

    /** A signature algorithm: how the JDK computes it. */
    private record Jca(String name, PSSParameterSpec pss) {
        Signature newSignature() throws GeneralSecurityException {
            Signature signature = Signature.getInstance(name);
            if (pss != null) {
                signature.setParameter(pss);
            }
            return signature;
        }
    }

    private static final Map<String, Jca> SIGNATURES = Map.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, new Jca("SHA256withRSA", null),
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384, new Jca("SHA384withRSA", null),
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, new Jca("SHA512withRSA", null),
            RSA_SHA256_MGF1, new Jca("RSASSA-PSS", new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1)),
            RSA_SHA384_MGF1, new Jca("RSASSA-PSS", new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1)),
            RSA_SHA512_MGF1, new Jca("RSASSA-PSS", new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1)),
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256, new Jca("SHA256withECDSA", null),
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384, new Jca("SHA384withECDSA", null),
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512, new Jca("SHA512withECDSA", null));
    private static final Set<String> DIGESTS = Set.of(SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384, SignatureConstants.ALGO_ID_DIGEST_SHA512);
    /** AES-GCM content encryption (XML Encryption 1.1 5.2.4). */
    static final Set<String> CONTENT_ENCRYPTION = Set.of(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES192_GCM, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
    /** RSA-OAEP key transport, both URIs (XML Encryption 1.1 5.5.2). */
    static final Set<String> KEY_TRANSPORT = Set.of(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP,
            EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11);

    private Algorithms() {
    }

    /**
     * Refuses a signature algorithm not accepted.
     *
     * @param what what was signed, for the message ("response", "assertion", "metadata", "redirect")
     * @throws AuthenticationException {@code unsupported_algorithm}
     */
    static void checkSignature(String uri, String what) {
        if (uri == null || !SIGNATURES.containsKey(uri)) {
            throw new AuthenticationException(ErrorCode.UNSUPPORTED_ALGORITHM, "the IdP signed the " + what + " with "
                    + Shown.value(uri) + why(uri) + ", which is refused; " + SIGNATURE_SETTING);
        }
    }

    /**
     * Refuses a digest algorithm not accepted.
     *
     * @throws AuthenticationException {@code unsupported_algorithm}
     */
    static void checkDigest(String uri, String what) {
        if (uri == null || !DIGESTS.contains(uri)) {
            throw new AuthenticationException(ErrorCode.UNSUPPORTED_ALGORITHM, "the IdP's signature of the " + what
                    + " uses the digest " + Shown.value(uri) + why(uri) + ", which is refused; set the IdP's digest"
                    + " algorithm to SHA-256 or stronger (Keycloak: client > Signature algorithm = RSA_SHA256, which"
                    + " also sets the digest)");
        }
    }

    /**
     * Refuses a content encryption algorithm other than AES-GCM.
     *
     * @throws AuthenticationException {@code unsupported_algorithm}
     */
    static void checkContentEncryption(String uri) {
        if (uri == null || !CONTENT_ENCRYPTION.contains(uri)) {
            throw new AuthenticationException(ErrorCode.UNSUPPORTED_ALGORITHM, "the IdP encrypted the assertion with "
                    + Shown.value(uri) + (uri != null && uri.endsWith("-cbc")
                    ? " (CBC mode: open to padding-oracle attacks)" : "") + ", which is refused; set the IdP's encryption"
                    + " algorithm for this SP to AES-GCM (Keycloak: client > Encryption algorithm = AES_256_GCM)");
        }
    }

    /**
     * Refuses a key transport algorithm other than RSA-OAEP.
     *
     * @throws AuthenticationException {@code unsupported_algorithm}
     */
    static void checkKeyTransport(String uri) {
        if (uri == null || !KEY_TRANSPORT.contains(uri)) {
            throw new AuthenticationException(ErrorCode.UNSUPPORTED_ALGORITHM, "the IdP transported the assertion's key"
                    + " with " + Shown.value(uri) + (EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSA15.equals(uri)
                    ? " (RSA PKCS#1 v1.5: open to Bleichenbacher's attack)" : "") + ", which is refused; set the IdP's"
                    + " key transport algorithm for this SP to RSA-OAEP (Keycloak: client > Key transport algorithm ="
                    + " RSA-OAEP-11 or RSA-OAEP-MGF1P)");
        }
    }

    /**
     * A JCA signature for an accepted algorithm URI (to sign or to verify).
     *
     * @throws AuthenticationException {@code unsupported_algorithm} for any other URI
     */
    static Signature newSignature(String uri, String what) throws GeneralSecurityException {
        checkSignature(uri, what);
        return SIGNATURES.get(uri).newSignature();
    }

    private static String why(String uri) {
        return uri != null && uri.toLowerCase(java.util.Locale.ROOT).contains("sha1") ? " (SHA-1: collisions are practical)" : "";
    }
}
