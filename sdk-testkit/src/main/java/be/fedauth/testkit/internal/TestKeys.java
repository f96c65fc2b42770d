package be.fedauth.testkit.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The fake IdP's keys: the pre-generated test keys shipped as resources (the same across restarts,
 * so a standalone fake can be registered once), or fresh ones made on demand (rotation, {@code --fresh-keys}).
 */
public final class TestKeys {
    /** Shipped FAS signing key. */
    public static final String FAS_SIGNING = "fas-signing";
    /** Shipped FAS encryption key. */
    public static final String FAS_ENCRYPTION = "fas-encryption";
    /** Shipped social-security IdP signing key. */
    public static final String SOCSEC_SIGNING = "socsec-signing";
    /** Shipped key of the demo SAML service provider of the default personas. */
    public static final String DEMO_SP = "demo-sp";

    // Certificates cover every date a tester may travel to (technical bounds, not timeline facts).
    private static final Instant NOT_BEFORE = java.time.ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC).toInstant();
    private static final Instant NOT_AFTER = java.time.ZonedDateTime.of(2099, 12, 31, 23, 59, 59, 0, java.time.ZoneOffset.UTC).toInstant();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** A shipped key by name ({@link #FAS_SIGNING}...). */
    public static KeyMaterial shipped(String name) {
        try {
            String keyPem = resource("/be/fedauth/testkit/keys/" + name + ".key.pem");
            String certPem = resource("/be/fedauth/testkit/keys/" + name + ".cert.pem");
            X509Certificate certificate = certificate(certPem);
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(keyPem, "PRIVATE KEY")));
            RSAPublicKey publicKey = (RSAPublicKey) certificate.getPublicKey();
            return new KeyMaterial(kid(publicKey), publicKey, privateKey, certificate);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the shipped test key " + name, e);
        }
    }

    /** A new RSA 2048 key with a self-signed certificate whose subject names {@code label}. */
    public static KeyMaterial fresh(String label) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + label + ",O=fedauth testkit (TEST KEY)");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(NOT_BEFORE), Date.from(NOT_AFTER),
                    subject, pair.getPublic());
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            return new KeyMaterial(kid(publicKey), publicKey, (RSAPrivateKey) pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a test key", e);
        }
    }

    /** Parses one PEM certificate. */
    public static X509Certificate certificate(String pem) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
    }

    /** The PEM text of a certificate. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    /** The RFC 7638 JWK thumbprint of the key, as its {@code kid}. */
    static String kid(RSAPublicKey publicKey) {
        try {
            return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute a key thumbprint", e);
        }
    }

    private static byte[] pemBody(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM " + label);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TestKeys.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
