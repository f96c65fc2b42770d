package be.fedauth.saml.internal;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/** The key sizes this module accepts: RSA of at least 2048 bits, EC of at least 256 bits. */
public final class KeyStrength {
    /** The smallest RSA modulus accepted (NIST SP 800-131A: 1024-bit RSA is disallowed for signatures). */
    public static final int MIN_RSA_BITS = 2048;

    private KeyStrength() {
    }

    /** Whether a public key is strong enough to sign or encrypt for us. */
    public static boolean isStrong(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= MIN_RSA_BITS;
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() >= 256;
        }
        return false;
    }
}
