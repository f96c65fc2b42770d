package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 13 point 3: SAML service-provider metadata served by the filter, for each configured SAML provider. */
class MetadataEndpointTest {
    private final Fixture fixture = new Fixture();
    private final SamlPeer withLogout = new SamlPeer("fed-saml", fixture.clock, true);
    private final SamlPeer withoutLogout = new SamlPeer("other-saml", fixture.clock, false);
    private Portal portal;

    private Browser start(FedAuthSettingsBuilder settings) {
        portal = Portal.start(settings.build());
        return new Browser(portal.base());
    }

    private FedAuthSettingsBuilder settings() {
        // The OIDC provider first: it has no metadata, so the default is the first SAML provider.
        return FedAuthSettings.builder().provider("oidc", fixture.oidc).provider("saml", withLogout.provider)
                .provider("other", withoutLogout.provider).sealedPendingLogins(fixture.key)
                .publicUrl(java.net.URI.create("http://127.0.0.1")).clock(fixture.clock);
    }

    @AfterEach
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void point3_metadata_withoutProvider_isTheFirstSamlProvidersSignedMetadata() {
        HttpResponse<String> metadata = start(settings()).get("/saml/metadata");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type")).contains("application/samlmetadata+xml");
        assertThat(metadata.body()).contains("entityID=\"" + SamlPeer.SP_ENTITY_ID + "\"", "SignatureValue",
                "Location=\"" + SamlPeer.ACS + "\"", "Location=\"" + SamlPeer.SLO + "\"", "use=\"encryption\"");
    }

    @Test
    void point3_metadata_ofANamedProvider_isThatProvidersMetadata() {
        HttpResponse<String> metadata = start(settings()).get("/saml/metadata?provider=other-saml");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("entityID=\"" + SamlPeer.SP_ENTITY_ID + "\"")
                .doesNotContain("SingleLogoutService");
    }

    @Test
    void point3_metadata_ofAnUnknownProvider_is404() {
        Browser browser = start(settings());

        assertThat(browser.get("/saml/metadata?provider=nobody").statusCode()).isEqualTo(404);
        assertThat(browser.get("/saml/metadata?provider=fake-oidc").statusCode()).isEqualTo(404);
    }

    @Test
    void point3_metadata_withoutAnySamlProvider_is404() {
        HttpResponse<String> metadata = start(fixture.settings()).get("/saml/metadata");

        assertThat(metadata.statusCode()).isEqualTo(404);
        assertThat(metadata.body()).doesNotContain("<");
    }

    @Test
    void point3_metadata_postedTo_is405() {
        HttpResponse<String> post = start(settings()).post("/saml/metadata", Browser.form("provider", "fed-saml"));

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void point3_metadata_atAConfiguredPath_isServedThereOnly() {
        Browser browser = start(settings().metadataPath("/sp/metadata.xml"));

        assertThat(browser.get("/sp/metadata.xml").statusCode()).isEqualTo(200);
        assertThat(browser.get("/saml/metadata").body()).startsWith("page /saml/metadata");
    }
}
