package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.LoginRedirect;
import be.fedauth.saml.docs.QuickStart;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

/** The quick start of docs/saml.md runs, and the page shows the code that runs. */
class QuickStartDocTest {

    @Test
    void quickStart_logsInThroughATestIdp() throws Exception {
        TestCredentials idp = TestCredentials.rsa("idp");
        TestCredentials signer = TestCredentials.rsa("idp-metadata");
        TestCredentials sp = TestCredentials.rsa("sp");
        IdpMetadataSource metadata = IdpMetadataSource.fromXml(TestIdp.metadata(TestIdp.ENTITY_ID,
                List.of(idp.certificate()), signer), TestIdp.ENTITY_ID).signedBy(signer.certificate()).build();
        SamlProvider fas = QuickStart.fas(metadata, pem(sp.keyPair().getPrivate()), pem(sp.certificate()));

        LoginRedirect redirect = QuickStart.start(fas);
        ResponseSpec spec = ResponseSpec.genuine(TestIdp.ENTITY_ID, "https://customs.example.be/saml/sp",
                "https://customs.example.be/callback/saml", redirect.pendingLogin().requestId().orElseThrow(),
                Clock.systemUTC().instant(), idp);
        AuthenticatedUser user = QuickStart.finish(fas, Map.of("SAMLResponse", TestIdp.response(spec, null),
                "RelayState", redirect.pendingLogin().state()), redirect.pendingLogin());

        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_500);
    }

    @Test
    void samlPage_showsTheQuickStartCode() throws Exception {
        String source = Files.readString(Path.of("src/test/java/be/fedauth/saml/docs/QuickStart.java"));
        String code = source.substring(source.indexOf("// --- docs/saml.md: quick start") + 33,
                source.indexOf("    // --- end")).stripTrailing().stripIndent().strip();
        String page = Files.readString(Path.of("../docs/saml.md"));

        assertThat(page).contains(code);
    }

    private static String pem(Object object) throws Exception {
        StringWriter writer = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(object);
        }
        return writer.toString();
    }
}
