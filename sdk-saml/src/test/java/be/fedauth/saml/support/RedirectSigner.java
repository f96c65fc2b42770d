package be.fedauth.saml.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signs an HTTP-Redirect message (SAML Bindings 3.4.4.1) with any {@code SigAlg}, independently of
 * the module's own codec: the signature is computed by Bouncy Castle's provider, so an RSA-PSS
 * signature made here and verified by the module (with the JDK's {@code RSASSA-PSS}) shows that both
 * read RFC 6931's parameters alike.
 */
public final class RedirectSigner {
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA256_MGF1 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";
    public static final String RSA_SHA384_MGF1 = "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1";
    public static final String RSA_SHA512_MGF1 = "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1";
    public static final String RSA_SHA1_MGF1 = "http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1";

    /** Bouncy Castle's names for the algorithms (its SHAnnnwithRSAandMGF1: MGF1 with the same hash, salt = hash length). */
    private static final Map<String, String> BC_NAMES = Map.of(
            RSA_SHA1, "SHA1withRSA",
            RSA_SHA256, "SHA256withRSA",
            RSA_SHA256_MGF1, "SHA256withRSAandMGF1",
            RSA_SHA384_MGF1, "SHA384withRSAandMGF1",
            RSA_SHA512_MGF1, "SHA512withRSAandMGF1",
            RSA_SHA1_MGF1, "SHA1withRSAandMGF1");
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private RedirectSigner() {
    }

    /** The raw query string {@code parameter=..[&RelayState=..]&SigAlg=..&Signature=..}, values URL-encoded. */
    public static String signedQuery(String parameter, byte[] xml, Optional<String> relayState, String sigAlg,
                                     PrivateKey key) {
        StringBuilder query = new StringBuilder(parameter).append('=')
                .append(url(Base64.getEncoder().encodeToString(deflate(xml))));
        relayState.ifPresent(r -> query.append("&RelayState=").append(url(r)));
        query.append("&SigAlg=").append(url(sigAlg));
        try {
            Signature signer = Signature.getInstance(BC_NAMES.get(sigAlg), BC);
            signer.initSign(key);
            signer.update(query.toString().getBytes(StandardCharsets.UTF_8));
            return query.append("&Signature=").append(url(Base64.getEncoder().encodeToString(signer.sign()))).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] deflate(byte[] xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            deflate.write(xml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
