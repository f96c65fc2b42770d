package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ConfigurationException;
import be.fedauth.saml.support.TestCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;

class SpKeyTest {
    private final TestCredentials sp = TestCredentials.rsa("sp");

    @Test
    void fromPem_pkcs8PrivateKey_loads() throws Exception {
        SpKey key = SpKey.fromPem(pem(new JcaPKCS8Generator(sp.keyPair().getPrivate(), null)), pem(sp.certificate()));

        assertThat(key.certificate()).isEqualTo(sp.certificate());
    }

    @Test
    void fromPem_pkcs1RsaPrivateKey_loads() throws Exception {
        String pkcs1 = pem(sp.keyPair().getPrivate());
        assertThat(pkcs1).contains("BEGIN RSA PRIVATE KEY");

        assertThat(SpKey.fromPem(pkcs1, pem(sp.certificate())).privateKey()).isNotNull();
    }

    @Test
    void fromPem_keyOfAnotherCertificate_failsWithInvalidConfiguration() throws Exception {
        String otherCert = pem(TestCredentials.rsa("idp").certificate());

        assertThatThrownBy(() -> SpKey.fromPem(pem(sp.keyPair().getPrivate()), otherCert))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void of_rsa1024Key_failsWithInvalidConfiguration() {
        TestCredentials weak = TestCredentials.rsa("sp-weak", 1024);

        assertThatThrownBy(() -> SpKey.of(weak.keyPair().getPrivate(), weak.certificate()))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void fromPkcs12_firstKeyEntry_loads() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sp", sp.keyPair().getPrivate(), "secret".toCharArray(), new Certificate[] {sp.certificate()});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, "secret".toCharArray());

        SpKey key = SpKey.fromPkcs12(new ByteArrayInputStream(out.toByteArray()), "secret".toCharArray());

        assertThat(key.certificate()).isEqualTo(sp.certificate());
    }

    @Test
    void toString_showsNoKeyMaterial() {
        SpKey key = SpKey.of(sp.keyPair().getPrivate(), sp.certificate());

        assertThat(key.toString()).contains("sha256=").doesNotContain("PRIVATE").hasSizeLessThan(300);
    }

    @Test
    void spKeys_duringRollover_publishBothAndDecryptWithBoth() {
        SpKey current = SpKey.of(sp.keyPair().getPrivate(), sp.certificate());
        TestCredentials nextCred = TestCredentials.rsa("sp-next");
        SpKey next = SpKey.of(nextCred.keyPair().getPrivate(), nextCred.certificate());

        SpKeys keys = SpKeys.of(current).withNextSigningKey(next);

        assertThat(keys.publishedSigningKeys()).containsExactly(current, next);
        assertThat(keys.decryptionKeys()).containsExactly(current, next);
    }

    private static String pem(Object object) throws Exception {
        StringWriter writer = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(object);
        }
        return writer.toString();
    }
}
