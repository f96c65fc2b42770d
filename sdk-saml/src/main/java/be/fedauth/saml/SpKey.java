package be.fedauth.saml;

import be.fedauth.core.ConfigurationException;
import be.fedauth.saml.internal.KeyStrength;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * One key of the service provider: a private key and its X.509 certificate, used to sign requests
 * and metadata and to decrypt assertions. RSA keys have at least 2048 bits; EC keys at least 256.
 * Immutable; {@link #toString()} shows the certificate's subject and fingerprint, never the key.
 */
public final class SpKey {
    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private SpKey(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /**
     * A key from its parts.
     *
     * @throws ConfigurationException when the key is weak or does not match the certificate
     */
    public static SpKey of(PrivateKey privateKey, X509Certificate certificate) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        if (!KeyStrength.isStrong(certificate.getPublicKey())) {
            throw new ConfigurationException("the SP key is too weak: RSA needs 2048 bits, EC 256");
        }
        checkPair(privateKey, certificate);
        return new SpKey(privateKey, certificate);
    }

    /**
     * The first (or only) private key entry of a PKCS#12 keystore.
     *
     * @throws ConfigurationException when the keystore cannot be read or has no usable key
     */
    public static SpKey fromPkcs12(InputStream keystore, char[] password) {
        return fromPkcs12(keystore, password, null);
    }

    /**
     * The private key entry {@code alias} of a PKCS#12 keystore ({@code null}: the first one).
     *
     * @throws ConfigurationException when the keystore cannot be read or has no such key
     */
    public static SpKey fromPkcs12(InputStream keystore, char[] password, String alias) {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(keystore, password);
            for (String name : Collections.list(store.aliases())) {
                if ((alias == null || alias.equals(name)) && store.isKeyEntry(name)) {
                    Certificate certificate = store.getCertificate(name);
                    if (store.getKey(name, password) instanceof PrivateKey key && certificate instanceof X509Certificate x509) {
                        return of(key, x509);
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("the PKCS#12 keystore cannot be read", e);
        }
        throw new ConfigurationException("the PKCS#12 keystore has no private key entry" + (alias == null ? "" : " " + alias));
    }

    /**
     * A key from PEM text: the private key (PKCS#8 {@code PRIVATE KEY}, or PKCS#1 / SEC 1 key pair)
     * and the certificate. Read with Bouncy Castle's PEM reader.
     *
     * @throws ConfigurationException when either cannot be read
     */
    public static SpKey fromPem(String privateKeyPem, String certificatePem) {
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(certificatePem, "certificatePem");
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key;
            try (PEMParser parser = new PEMParser(new StringReader(privateKeyPem))) {
                Object object = parser.readObject();
                if (object instanceof PEMKeyPair pair) {
                    key = converter.getKeyPair(pair).getPrivate();
                } else if (object instanceof PrivateKeyInfo info) {
                    key = converter.getPrivateKey(info);
                } else {
                    throw new ConfigurationException("the private key PEM holds no unencrypted private key");
                }
            }
            X509Certificate certificate;
            try (PEMParser parser = new PEMParser(new StringReader(certificatePem))) {
                if (!(parser.readObject() instanceof X509CertificateHolder holder)) {
                    throw new ConfigurationException("the certificate PEM holds no certificate");
                }
                certificate = new JcaX509CertificateConverter().getCertificate(holder);
            }
            return of(key, certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("the PEM key or certificate cannot be read", e);
        }
    }

    private static void checkPair(PrivateKey key, X509Certificate certificate) {
        String algorithm = key instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] probe = "fedauth key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new ConfigurationException("the SP private key does not match its certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("the SP private key does not match its certificate", e);
        }
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The certificate published in the SP metadata. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Whether the certificate is outside its validity period at {@code now} (informative: SAML uses the key). */
    public boolean isCertificateExpiredAt(Instant now) {
        return now.isAfter(certificate.getNotAfter().toInstant());
    }

    /** The SHA-256 fingerprint of the certificate, in hex. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SpKey[" + certificate.getSubjectX500Principal().getName() + ", sha256=" + fingerprint() + "]";
    }
}
