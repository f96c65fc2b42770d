package be.fedauth.it;

import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import be.fedauth.testkit.SamlServiceProvider;
import be.fedauth.testkit.internal.KeyMaterial;
import be.fedauth.testkit.internal.TestKeys;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The relying party the integration tests register at the fake FAS: the demo's OIDC client and a SAML SP. */
final class Harness {
    static final String CLIENT_ID = "fedauth-demo";
    static final String SECRET = "fedauth-demo-secret";
    static final URI REDIRECT = URI.create("http://127.0.0.1:8080/callback/oidc");
    static final String SP_ENTITY_ID = "https://customs.example.be/saml/sp";
    static final URI ACS = URI.create("https://customs.example.be/callback/saml");
    private static final KeyMaterial SP_KEY = TestKeys.fresh("integration-test sp");

    private Harness() {
    }

    static SamlServiceProvider serviceProvider() {
        return new SamlServiceProvider(SP_ENTITY_ID, List.of(ACS), Optional.of(SP_KEY.certificate()), Optional.empty());
    }

    static SpKeys keys() {
        return SpKeys.of(SpKey.of(SP_KEY.privateKey(), SP_KEY.certificate()));
    }
}
