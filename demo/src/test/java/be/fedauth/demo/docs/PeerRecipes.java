package be.fedauth.demo.docs;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.ProviderId;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.GenericLevels;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProfile;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The code equivalents of the demo command lines in docs/other-identity-providers.md, "Recipes": the
 * page shows the text between the markers, and PeerRecipesDocTest builds each provider.
 */
public final class PeerRecipes {
    private PeerRecipes() {
    }

    /** Keycloak over OpenID Connect. */
    public static OidcProvider keycloakOidc(String clientSecret) {
        // --- recipe: keycloak oidc
        OidcProvider keycloak = OidcProvider.create(OidcSettings.generic(
                        URI.create("https://keycloak.example.be/realms/fedauth"), "fedauth-demo",
                        URI.create("https://portal.example.be/callback/oidc"),
                        ClientAuthentication.clientSecretBasic(clientSecret))
                .vocabulary(GenericLevels.builder().mapping("1=400").build())
                .providerId(ProviderId.of("keycloak-oidc"))
                .build());
        // --- end
        return keycloak;
    }

    /** Keycloak over SAML, encrypted assertions required. */
    public static SamlProvider keycloakSaml(Path keystore, char[] password) throws IOException {
        // --- recipe: keycloak saml
        SpKey key;
        try (InputStream in = Files.newInputStream(keystore)) {
            key = SpKey.fromPkcs12(in, password);
        }
        SamlProvider keycloak = SamlProvider.create(SamlSettings.builder(ProviderId.of("keycloak-saml"),
                        "https://portal.example.be/saml/sp", URI.create("https://portal.example.be/callback/saml"),
                        SpKeys.of(key),
                        IdpMetadataSource.fromUrl(
                                URI.create("https://keycloak.example.be/realms/fedauth/protocol/saml/descriptor"),
                                "https://keycloak.example.be/realms/fedauth").allowUnsignedMetadata().build())
                .profile(SamlProfile.genericBuilder().defaultLevel(AssuranceLevel.LEVEL_400).build())
                .requireEncryptedAssertions()
                .build());
        // --- end
        return keycloak;
    }

    /** navikt mock-oauth2-server. */
    public static OidcProvider navikt(URI issuer) {
        // --- recipe: navikt
        OidcProvider navikt = OidcProvider.create(OidcSettings.generic(issuer, "fedauth-demo",
                        URI.create("https://portal.example.be/callback/oidc"), ClientAuthentication.clientSecretBasic("any-secret"))
                .vocabulary(GenericLevels.builder().mapping("idporten-loa-substantial=400,idporten-loa-high=500").build())
                .providerId(ProviderId.of("navikt"))
                .allowHttpForLoopback()
                .build());
        // --- end
        return navikt;
    }

    /** The samlify IdP. */
    public static SamlProvider samlify(SpKey key) {
        // --- recipe: samlify
        SamlProvider samlify = SamlProvider.create(SamlSettings.builder(ProviderId.of("samlify"),
                        "https://portal.example.be/saml/sp", URI.create("https://portal.example.be/callback/saml"),
                        SpKeys.of(key),
                        IdpMetadataSource.fromUrl(URI.create("http://127.0.0.1:7000/metadata"),
                                "http://127.0.0.1:7000/metadata").allowUnsignedMetadata().build())
                .profile(SamlProfile.generic())
                .build());
        // --- end
        return samlify;
    }
}
