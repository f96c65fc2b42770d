package be.fedauth.demo;

import static be.fedauth.demo.PeerLogin.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.demo.peers.FreePort;
import be.fedauth.demo.peers.Keycloak;
import be.fedauth.demo.peers.KeycloakRealm;
import be.fedauth.demo.peers.KeycloakRealm.SamlClient;
import be.fedauth.demo.peers.TestKey;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 13 point 4 against Keycloak 26.5 (unmodified; this test fails without it or without Chromium),
 * in headless Chromium: logging out at Keycloak ends the portal session. The demo is Keycloak's SAML
 * client (generic profile) whose front-channel logout URL is {@code PORTAL/saml/slo}, HTTP-Redirect
 * (keycloak/saml-client.json); Keycloak starts once for the class.
 */
class KeycloakSingleLogoutBrowserTest {
    @TempDir
    static Path dir;
    private static Keycloak keycloak;
    private static DemoPortal demo;
    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        browser = chromium.driver;
        TestKey spKey = TestKey.generate(dir, "demo-sp");
        URI portal = loopback(FreePort.pick());
        keycloak = Keycloak.start(KeycloakRealm.named("fedauth")
                .with(SamlClient.signed(portal.resolve("/saml/sp").toString(), portal, spKey.certificate())));
        demo = PeerLogin.demo(portal.getPort(), "--saml-keystore", spKey.pkcs12().toString(),
                "--saml-idp-metadata", keycloak.metadataUrl().toString(), "--saml-idp-metadata-unsigned",
                "--saml-idp-entity-id", keycloak.entityId(), "--saml-profile", "generic",
                "--saml-default-level", "400", "--saml-provider-id", "keycloak-saml");
    }

    @AfterAll
    static void stop() {
        PeerLogin.stop(chromium, demo, keycloak);
    }

    @Test
    void point4_logoutAtKeycloak_endsThePortalSession() {
        browser.get(demo.url().resolve("/login?protocol=saml").toString());
        browser.findElement(By.id("username")).sendKeys(Keycloak.USERNAME);
        browser.findElement(By.id("password")).sendKeys(Keycloak.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        // Keycloak's page posts the response to the portal's ACS once loaded.
        chromium.waiting().until(d -> d.getCurrentUrl().startsWith(demo.url().toString()));
        assertThat(chromium.text(demo.url().resolve("/api/me"))).contains(PeerLogin.MARIE)
                .contains("\"provider\":\"keycloak-saml\"");
        chromium.requestedUrls();

        // Keycloak's end-session endpoint, without an ID token: Keycloak asks to confirm.
        browser.get(keycloak.oidcIssuer() + "/protocol/openid-connect/logout");
        browser.findElement(By.id("kc-logout")).click();

        chromium.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("You are logged out"));
        // Keycloak sent its LogoutRequest through the browser to the portal's single-logout endpoint, which
        // answered Keycloak with a LogoutResponse (Keycloak shows the page above only after all its clients).
        List<String> urls = chromium.requestedUrls();
        assertThat(urls).anyMatch(u -> u.startsWith(demo.url().resolve("/saml/slo?SAMLRequest=").toString()));
        assertThat(urls).anyMatch(u -> u.startsWith(keycloak.entityId() + "/protocol/saml?SAMLResponse="));
        assertThat(chromium.text(demo.url().resolve("/api/me"))).isEqualTo("{\"error\":\"not_authenticated\"}");
    }
}
