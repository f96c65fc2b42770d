package be.fedauth.redis;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * A throw-away CA and server certificates for redis-server's TLS port, written as PEM files. The
 * certificates are made at test time (valid from an hour ago for a day) because TLS libraries
 * check validity against the real time.
 */
final class TestCertificates {
    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private long serial = 1;

    TestCertificates(Path dir) {
        this.dir = dir;
        this.caKeys = keyPair();
        this.ca = sign(new X500Name("CN=fedauth test CA"), caKeys, new X500Name("CN=fedauth test CA"), caKeys, null, true);
    }

    /** The CA certificate, as a PEM file. */
    Path caFile() {
        return write("ca.pem", ca);
    }

    /**
     * A server certificate and key signed by the CA, for one subject alternative name, as PEM files.
     *
     * @return {certificate file, key file}
     */
    Path[] server(String name, GeneralName san) {
        KeyPair keys = keyPair();
        X509Certificate cert = sign(new X500Name("CN=" + name), keys, new X500Name("CN=fedauth test CA"), caKeys, san,
                false);
        try {
            return new Path[] {write(name + ".pem", cert),
                    write(name + "-key.pem", new JcaPKCS8Generator(keys.getPrivate(), null))};
        } catch (PemGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                 GeneralName san, boolean isCa) {
        try {
            // Certificate validity is checked against the real time by the TLS stacks, not a test clock.
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial++),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                    subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (san != null) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String file, Object pemObject) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            // A PKCS#8 generator writes "BEGIN PRIVATE KEY", which redis-server reads.
            if (pemObject instanceof JcaPKCS8Generator key) {
                pem.writeObject(key);
            } else {
                pem.writeObject(pemObject);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(file), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
