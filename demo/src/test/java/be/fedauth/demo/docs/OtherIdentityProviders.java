package be.fedauth.demo.docs;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.IdentityNames;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.GenericLevels;
import be.fedauth.oidc.OidcClaimNames;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProfile;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SpKeys;
import java.net.URI;
import java.util.List;

/**
 * The code equivalents of docs/other-identity-providers.md, compiled and run by OtherIdentityProvidersDocTest
 * so that the page cannot rot.
 */
public final class OtherIdentityProviders {
    private OtherIdentityProviders() {
    }

    // --- docs/other-identity-providers.md: code equivalents
    /** Any OpenID provider: its acr "gold" means 400, its national number is in the claim "nrn", required. */
    public static OidcProvider oidc(URI issuer, String clientId, String secret, URI redirectUri) {
        return OidcProvider.create(OidcSettings.generic(issuer, clientId, redirectUri,
                        ClientAuthentication.clientSecretBasic(secret))
                .vocabulary(GenericLevels.builder()                                // --oidc-profile generic
                        .mapping("gold=400,urn:example:loa:card=500:EID")         // --oidc-levels
                        .defaultLevel(AssuranceLevel.LEVEL_200)                   // --oidc-default-level 200
                        .build())
                .scopes(List.of("openid", "profile", "email", "nrn"))             // --oidc-scopes
                .claimNames(OidcClaimNames.STANDARD
                        .overriddenBy(IdentityNames.parse("national-number=nrn"))) // --oidc-claims
                .requireNationalNumber()                                          // --oidc-require-national-number
                .providerId(ProviderId.of("customs-idp"))                         // --oidc-provider-id
                .build());
    }

    /** Any SAML identity provider: unspecified means 400, the national number is in urn:be:ssin. */
    public static SamlProvider saml(URI metadataUrl, String idpEntityId, String spEntityId, URI acsUrl, SpKeys keys) {
        SamlProfile profile = SamlProfile.genericBuilder()                        // --saml-profile generic
                .levels("urn:oasis:names:tc:SAML:2.0:ac:classes:X509=400")         // --saml-levels
                .defaultLevel(AssuranceLevel.LEVEL_400)                           // --saml-default-level 400
                .attributes(IdentityNames.parse("national-number=urn:be:ssin"))   // --saml-attributes
                .requireNationalNumber()                                          // --saml-require-national-number
                .build();
        IdpMetadataSource metadata = IdpMetadataSource.fromUrl(metadataUrl, idpEntityId)
                .allowUnsignedMetadata()                                          // --saml-idp-metadata-unsigned
                .build();
        return SamlProvider.create(SamlSettings.builder(ProviderId.of("saml"),   // --saml-provider-id saml
                        spEntityId, acsUrl, keys, metadata)
                .profile(profile)
                .requireEncryptedAssertions()                                     // --saml-require-encrypted-assertions
                .build());
    }
    // --- end
}
