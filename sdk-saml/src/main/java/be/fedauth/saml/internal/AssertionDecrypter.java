package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import java.util.List;
import java.util.Set;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.saml2.encryption.EncryptedElementTypeEncryptedKeyResolver;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.EncryptedData;
import org.opensaml.xmlsec.encryption.EncryptedKey;
import org.opensaml.xmlsec.encryption.support.ChainingEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentFragment;
import org.w3c.dom.Node;

/**
 * Decrypts an EncryptedAssertion (XML Encryption 1.1) with the SP's keys. Only RSA-OAEP key
 * transport and AES-GCM content encryption are accepted ({@link Algorithms}), checked on the parsed
 * message before OpenSAML's decrypter runs: AES-CBC is open to padding-oracle attacks (Jager and
 * Somorovsky, 2011) and RSA PKCS#1 v1.5 to Bleichenbacher's; the refusal names the algorithm and the
 * IdP setting to change. OpenSAML's decrypter gets the same list as its own allow-list. The result
 * lives in a document of its own, so its signature can only reference itself; the caller verifies it
 * (or, with {@code acceptResponseSignatureOnly()}, relies on the Response's signature over the
 * EncryptedAssertion). The plaintext is parsed by the hardened pool and checked as a received message
 * (depth, schema, comments).
 */
final class AssertionDecrypter {
    /** Digests allowed inside RSA-OAEP (its SHA-1 default is not a signature use of SHA-1). */
    private static final Set<String> OAEP_DIGESTS = Set.of(SignatureConstants.ALGO_ID_DIGEST_SHA1,
            SignatureConstants.ALGO_ID_DIGEST_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    private final StaticKeyInfoCredentialResolver keys;
    private final ChainingEncryptedKeyResolver keyResolver;
    private final List<String> included;

    AssertionDecrypter(List<BasicX509Credential> credentials) {
        this.keys = new StaticKeyInfoCredentialResolver(List.<Credential>copyOf(credentials));
        this.keyResolver = new ChainingEncryptedKeyResolver(
                List.of(new InlineEncryptedKeyResolver(), new EncryptedElementTypeEncryptedKeyResolver()));
        this.included = new java.util.ArrayList<>(Algorithms.KEY_TRANSPORT);
        this.included.addAll(Algorithms.CONTENT_ENCRYPTION);
        this.included.addAll(OAEP_DIGESTS);
        this.included.add(EncryptionConstants.ALGO_ID_MGF1_SHA1);
        this.included.add(EncryptionConstants.ALGO_ID_MGF1_SHA256);
        this.included.add(EncryptionConstants.ALGO_ID_MGF1_SHA384);
        this.included.add(EncryptionConstants.ALGO_ID_MGF1_SHA512);
    }

    Assertion decrypt(EncryptedAssertion encrypted) {
        checkAlgorithms(encrypted);
        // A Decrypter keeps per-call state; it is cheap next to the RSA decryption it performs.
        Decrypter decrypter = new Decrypter(null, keys, keyResolver, included, List.of()) {
            @Override
            protected ParserPool buildParserPool() {
                // Our hardened pool, which keeps comments so that they can be refused below.
                return OpenSaml.get().parserPool();
            }
        };
        DocumentFragment fragment;
        try {
            fragment = decrypter.decryptDataToDOM(encrypted.getEncryptedData());
        } catch (DecryptionException | RuntimeException e) {
            // Includes plaintext nested deeper than the parser's depth limit: the decrypter parses it with
            // our pool, whose parser stops at OpenSaml.MAX_DEPTH before OpenSAML re-homes it recursively.
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                    "the encrypted assertion cannot be decrypted with the SP's keys", e);
        } catch (StackOverflowError e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the decrypted assertion nests too deeply");
        }
        // The decrypted assertion gets the checks of a received message: a document of its own (so its
        // signature can only reference itself), bounded depth, schema-valid, no comments.
        OpenSaml saml = OpenSaml.get();
        Document document = saml.newDocument();
        Node root = null;
        for (Node n = fragment.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                if (root != null) {
                    throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the encrypted data holds several elements");
                }
                root = n;
            } else if (n.getNodeType() != Node.TEXT_NODE || !n.getTextContent().isBlank()) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                        "the encrypted data holds a comment, instruction or text next to the assertion");
            }
        }
        if (root == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the encrypted data holds no assertion");
        }
        document.appendChild(document.importNode(root, true));
        OpenSaml.refuseDeepNesting(document);
        saml.validated(document);
        ResponseValidator.refuseCommentsAndInstructions(document);
        if (!(saml.unmarshall(document.getDocumentElement()) instanceof Assertion assertion)) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the encrypted data is not an assertion");
        }
        return assertion;
    }

    private static void checkAlgorithms(EncryptedAssertion encrypted) {
        EncryptedData data = encrypted.getEncryptedData();
        if (data == null || data.getEncryptionMethod() == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the encrypted assertion has no EncryptedData");
        }
        Algorithms.checkContentEncryption(data.getEncryptionMethod().getAlgorithm());
        List<EncryptedKey> encryptedKeys = new java.util.ArrayList<>(encrypted.getEncryptedKeys());
        if (data.getKeyInfo() != null) {
            encryptedKeys.addAll(data.getKeyInfo().getEncryptedKeys());
        }
        for (EncryptedKey key : encryptedKeys) {
            Algorithms.checkKeyTransport(key.getEncryptionMethod() == null ? null : key.getEncryptionMethod().getAlgorithm());
        }
    }
}
