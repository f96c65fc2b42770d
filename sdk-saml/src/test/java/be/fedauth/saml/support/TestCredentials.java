package be.fedauth.saml.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test keys generated in the test (never shipped): RSA key pairs with self-signed certificates, cached by name. */
public final class TestCredentials {
    private static final Map<String, TestCredentials> CACHE = new ConcurrentHashMap<>();

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestCredentials(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** A 2048-bit RSA key named {@code name}, the same for the whole test run. */
    public static TestCredentials rsa(String name) {
        return rsa(name, 2048);
    }

    /** An RSA key of {@code bits} named {@code name}. */
    public static TestCredentials rsa(String name, int bits) {
        return CACHE.computeIfAbsent(name + "/" + bits, k -> generate(name, bits));
    }

    private static TestCredentials generate(String name, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + name + " (fedauth test key)");
            Instant from = Instant.parse("2020-01-01T00:00:00Z");
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(Math.abs(name.hashCode()) + 1L),
                    Date.from(from), Date.from(from.plus(36500, ChronoUnit.DAYS)), subject, pair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new TestCredentials(pair, cert);
        } catch (NoSuchAlgorithmException | org.bouncycastle.operator.OperatorCreationException
                 | java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public X509Certificate certificate() {
        return certificate;
    }
}
