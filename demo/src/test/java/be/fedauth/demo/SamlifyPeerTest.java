package be.fedauth.demo;

import static be.fedauth.demo.PeerLogin.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.ErrorCode;
import be.fedauth.demo.peers.FreePort;
import be.fedauth.demo.peers.Hop;
import be.fedauth.demo.peers.SamlifyIdp;
import be.fedauth.demo.peers.TestKey;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "Done when": the demo, configured only by its options, logs in against a SAML identity
 * provider made with samlify from the npm registry (demo/src/test/node/saml-idp.mjs; installed by
 * scripts/setup.d/50-saml-idp.sh, and this test fails without it), through its HTTP surface: a signed
 * assertion with the eIDAS LoA "substantial" as AuthnContextClassRef and the attributes givenName, sn
 * and mail. The negative twin is the same IdP with the portal registered under another entity id, so
 * that its assertions are addressed to that id.
 */
class SamlifyPeerTest {
    /** A class the generic profile knows (level 400): the demo's e-services ask for at least 300. */
    private static final String EIDAS_SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";
    @TempDir
    static Path dir;
    private static SamlifyIdp idp;
    private static SamlifyIdp misregistered;
    private static DemoPortal portal;
    private static DemoPortal other;

    @BeforeAll
    static void start() {
        TestKey spKey = TestKey.generate(dir, "demo-sp");
        TestKey idpKey = TestKey.generate(dir, "samlify-idp");
        URI a = loopback(FreePort.pick());
        URI b = loopback(FreePort.pick());
        idp = SamlifyIdp.start(dir, idpKey, a.resolve("/saml/sp").toString(), a.resolve("/callback/saml"), spKey,
                EIDAS_SUBSTANTIAL);
        misregistered = SamlifyIdp.start(dir, idpKey, b.resolve("/saml/another-portal").toString(),
                b.resolve("/callback/saml"), spKey, EIDAS_SUBSTANTIAL);
        portal = demo(a, spKey, idp);
        other = demo(b, spKey, misregistered);
    }

    private static DemoPortal demo(URI at, TestKey spKey, SamlifyIdp samlIdp) {
        return PeerLogin.demo(at.getPort(), "--saml-keystore", spKey.pkcs12().toString(),
                "--saml-idp-metadata", samlIdp.metadataUrl().toString(), "--saml-idp-entity-id", samlIdp.entityId(),
                "--saml-idp-metadata-unsigned", "--saml-profile", "generic", "--saml-provider-id", "samlify");
    }

    @AfterAll
    static void stop() {
        PeerLogin.stop(other, portal, misregistered, idp);
    }

    @Test
    void point13_samlify_logsIn_withGenericMapping() {
        String me = PeerLogin.logIn(portal, "saml", toIdp -> logIn(idp, toIdp)).me();

        assertThat(me).contains(PeerLogin.MARIE).contains("\"level\":400", "\"provider\":\"samlify\"");
    }

    @Test
    void point13_samlify_portalRegisteredUnderAnotherEntityId_isRefused() {
        PeerLogin.logIn(other, "saml", toIdp -> logIn(misregistered, toIdp)).assertRefused(ErrorCode.AUDIENCE_MISMATCH);
    }

    private static Hop logIn(SamlifyIdp samlIdp, Hop toIdp) {
        return samlIdp.logIn(toIdp, SamlifyIdp.USERNAME, SamlifyIdp.PASSWORD);
    }
}
