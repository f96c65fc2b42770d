package be.fedauth.testkit.internal;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * An RSA key pair of the fake IdP with its self-signed certificate and key id.
 *
 * @param kid         key id ({@code kid} in JWS headers and the JWKS)
 * @param publicKey   the public key
 * @param privateKey  the private key (a test key: never printed all the same)
 * @param certificate self-signed certificate of the public key (SAML metadata, {@code x5c})
 */
public record KeyMaterial(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, X509Certificate certificate) {
    public KeyMaterial {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String toString() {
        return "KeyMaterial[kid=" + kid + ", certificate=" + certificate.getSubjectX500Principal() + "]";
    }
}
