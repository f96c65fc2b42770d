package be.fedauth.saml.internal;

import be.fedauth.saml.SpKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.opensaml.security.x509.BasicX509Credential;

/** OpenSAML credentials made from the SDK's own key types, here so that public classes never name them. */
public final class Credentials {
    private Credentials() {
    }

    /** Credentials that verify signatures with these certificates (metadata signers). */
    public static List<BasicX509Credential> verifying(List<X509Certificate> certificates) {
        return certificates.stream().map(BasicX509Credential::new).toList();
    }

    /** Credentials that decrypt with these SP keys. */
    public static List<BasicX509Credential> decrypting(List<SpKey> keys) {
        return keys.stream().map(k -> new BasicX509Credential(k.certificate(), k.privateKey())).toList();
    }
}
