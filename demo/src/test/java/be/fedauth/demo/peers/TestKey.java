package be.fedauth.demo.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * An RSA key and self-signed certificate made for one test run with the JDK's {@code keytool}, as
 * docs/other-identity-providers.md tells an operator to make the demo's SAML keystore: a PKCS#12
 * file for {@code --saml-keystore}, and PEM files for identity providers that take those.
 *
 * @param pkcs12 the keystore (alias {@code key})
 * @param password its password
 * @param privateKey the private key
 * @param certificate the certificate
 */
public record TestKey(Path pkcs12, String password, PrivateKey privateKey, X509Certificate certificate) {
    /** The keystore password of every test key. */
    public static final String PASSWORD = "changeit";

    /** Validates. */
    public TestKey {
        Objects.requireNonNull(pkcs12, "pkcs12");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Makes {@code DIR/NAME.p12} (RSA 2048, SHA256withRSA, CN=NAME, valid ten years). */
    public static TestKey generate(Path dir, String name) {
        Path file = dir.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        try {
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "key", "-keyalg", "RSA", "-keysize", "2048",
                    "-sigalg", "SHA256withRSA", "-dname", "CN=" + name, "-validity", "3650", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", PASSWORD).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD.toCharArray());
            }
            return new TestKey(file, PASSWORD, (PrivateKey) store.getKey("key", PASSWORD.toCharArray()),
                    (X509Certificate) store.getCertificate("key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The certificate in PEM. */
    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate's DER in base64 on one line, as metadata's {@code X509Certificate} holds it. */
    public String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code DIR/NAME.cert.pem} and returns its path. */
    public Path writeCertificatePem(Path dir, String name) {
        return write(dir.resolve(name + ".cert.pem"), certificatePem());
    }

    /** Writes the private key (PKCS#8) to {@code DIR/NAME.key.pem} and returns its path. */
    public Path writePrivateKeyPem(Path dir, String name) {
        return write(dir.resolve(name + ".key.pem"), pem("PRIVATE KEY", privateKey.getEncoded()));
    }

    /** The private key is not shown. */
    @Override
    public String toString() {
        return "TestKey[" + certificate.getSubjectX500Principal().getName() + "]";
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
