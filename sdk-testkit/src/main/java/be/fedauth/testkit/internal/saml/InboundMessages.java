package be.fedauth.testkit.internal.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

/** Decoding and signature checks of the messages SPs send the fake (SAML Bindings 3.4 and 3.5). */
final class InboundMessages {
    private static final int MAX_ENCODED = 64 * 1024;
    private static final int MAX_INFLATED = 256 * 1024;
    private static final Map<String, String> JCA = Map.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, "SHA256withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384, "SHA384withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, "SHA512withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256, "SHA256withECDSA");

    private InboundMessages() {
    }

    /** The XML of an HTTP-Redirect message; empty when it is too large or not DEFLATE data. */
    static Optional<byte[]> inflate(String value) {
        if (value.length() > MAX_ENCODED) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Base64.getMimeDecoder().decode(value));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    return Optional.empty();
                }
            }
            return Optional.of(out.toByteArray());
        } catch (DataFormatException | IllegalArgumentException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }

    /** Whether the detached HTTP-Redirect signature (3.4.4.1) verifies with the SP's certificate. */
    static boolean redirectSignatureValid(String parameter, String value, Optional<String> relayState,
                                          Optional<String> sigAlg, Optional<String> signature, X509Certificate signer) {
        if (sigAlg.isEmpty() || signature.isEmpty() || !JCA.containsKey(sigAlg.get())) {
            return false;
        }
        StringBuilder signed = new StringBuilder(parameter).append('=').append(url(value));
        relayState.ifPresent(r -> signed.append("&RelayState=").append(url(r)));
        signed.append("&SigAlg=").append(url(sigAlg.get()));
        try {
            Signature verifier = Signature.getInstance(JCA.get(sigAlg.get()));
            verifier.initVerify(signer.getPublicKey());
            verifier.update(signed.toString().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getMimeDecoder().decode(signature.get()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether an enveloped signature (HTTP-POST) follows the SAML profile and verifies with the SP's certificate. */
    static boolean xmlSignatureValid(SignableSAMLObject object, X509Certificate signer) {
        if (!object.isSigned()) {
            return false;
        }
        try {
            new SAMLSignatureProfileValidator().validate(object.getSignature());
            SignatureValidator.validate(object.getSignature(), new BasicX509Credential(signer));
            return true;
        } catch (SignatureException e) {
            return false;
        }
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
