package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The class path holds the patched Apache Santuario the root pom pins (OpenSAML 4.0.1 alone would
 * bring 2.1.x), and not the old bc*-jdk15on jars that duplicate Bouncy Castle's jdk18on classes.
 * That signing, verification and encryption work with it is shown by every other test of this module.
 */
class DependencyPinTest {

    private static Properties mavenProperties(String group, String artifact) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DependencyPinTest.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties;
    }

    @Test
    void santuario_isThePatchedRelease() throws IOException {
        assertThat(mavenProperties("org.apache.santuario", "xmlsec").getProperty("version")).isEqualTo("2.3.5");
    }

    @Test
    void oldBouncyCastleJars_areExcluded() throws IOException {
        assertThat(mavenProperties("org.bouncycastle", "bcprov-jdk15on").getProperty("version")).isNull();
        assertThat(mavenProperties("org.bouncycastle", "bcpkix-jdk15on").getProperty("version")).isNull();
    }

    @Test
    void openSaml_isTheNewestOnMavenCentral() throws IOException {
        assertThat(mavenProperties("org.opensaml", "opensaml-saml-impl").getProperty("version")).isEqualTo("4.0.1");
    }
}
