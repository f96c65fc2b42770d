package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.IdentityNames;
import be.fedauth.core.spi.IdentityNames.Field;
import be.fedauth.oidc.internal.ClaimsMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13 point 1: the generic OIDC profile's settings, and the FAS preset left as it was. */
class GenericSettingsTest {
    private static final URI ISSUER = URI.create("https://idp.example/realms/customs");
    private static final URI REDIRECT = URI.create("https://customs.example/callback/oidc");
    private static final ClientAuthentication SECRET = ClientAuthentication.clientSecretBasic("s3cr3t-value");

    @Test
    void point1_generic_defaults_standardClaimsScopesIdAndNoKey() {
        OidcSettings s = OidcSettings.generic(ISSUER, "portal", REDIRECT, SECRET).build();

        assertThat(s.providerId()).isEqualTo(ProviderId.of("oidc"));
        assertThat(s.scopes()).containsExactly("openid", "profile", "email");
        assertThat(s.claimNames()).isEqualTo(OidcClaimNames.STANDARD);
        assertThat(s.claimNames().names(Field.NATIONAL_NUMBER)).isEmpty();
        assertThat(s.requireNationalNumber()).isFalse();
        assertThat(s.keys()).isEmpty();
        assertThat(s.vocabulary().interpret(List.of("http://eidas.europa.eu/LoA/substantial")).level())
                .isEqualTo(AssuranceLevel.LEVEL_400);
        assertThat(s.vocabulary().requestValues(Optional.of(AssuranceLevel.LEVEL_400), Set.of())).isEmpty();
    }

    @Test
    void point1_generic_offersTheKeysItsVocabularyNames_untilKeysAreSet() {
        OidcSettings.Builder b = OidcSettings.generic(ISSUER, "portal", REDIRECT, SECRET)
                .vocabulary(GenericLevels.builder().mapping("urn:x:card=500:EID,urn:x:gold=400").build());

        assertThat(b.build().keys()).containsExactly(DigitalKey.EID);
        assertThat(b.build().toBuilder().build().keys()).containsExactly(DigitalKey.EID);
        assertThat(b.keys(Set.of(DigitalKey.ITSME)).build().keys()).containsExactly(DigitalKey.ITSME);
    }

    @Test
    void point1_fasPreset_keepsFasClaimsKeysAndLevels() {
        OidcSettings s = OidcSettings.builder(ISSUER, "portal", REDIRECT, SECRET).build();

        assertThat(s.claimNames()).isEqualTo(OidcClaimNames.FAS);
        assertThat(s.claimNames().names(Field.GIVEN_NAME)).containsExactly("givenName", "given_name");
        assertThat(s.keys()).contains(DigitalKey.EID, DigitalKey.ITSME);
        assertThat(s.vocabulary()).isSameAs(FasLevels.VOCABULARY);
        assertThat(FasLevels.builder().mapping("urn:x:gold=400").build()
                .requestValues(Optional.empty(), Set.of(DigitalKey.EID))).containsExactly("urn:be:fedict:iam:fas:Level500");
    }

    @Test
    void point1_claimNamesAndRequirement_surviveToBuilder_andCopiesAreIndependent() {
        OidcSettings.Builder b = OidcSettings.generic(ISSUER, "portal", REDIRECT, SECRET)
                .claimNames(IdentityNames.parse("given-name=first,family-name=last,national-number=nrn"))
                .requireNationalNumber();
        OidcSettings first = b.build();
        b.scopes(List.of("openid", "other"));

        OidcSettings again = first.toBuilder().build();
        assertThat(again.claimNames().names(Field.NATIONAL_NUMBER)).containsExactly("nrn");
        assertThat(again.requireNationalNumber()).isTrue();
        assertThat(first.scopes()).containsExactly("openid", "profile", "email");
        assertThat(first.toString()).contains("claims=given-name=first", "requireNationalNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"given-name=acr", "email=amr", "language=sub", "family-name=fedid", "email=roles",
        "given-name=nrn,national-number=nrn"})
    void point1_aClaimNameUnsignedUserinfoCouldAbuse_isAConfigurationError(String names) {
        OidcSettings.Builder b = OidcSettings.generic(ISSUER, "portal", REDIRECT, SECRET)
                .claimNames(OidcClaimNames.STANDARD.overriddenBy(IdentityNames.parse(names)));

        assertThatThrownBy(b::build).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void point1_profileClaims_keepTheConfiguredProfileNames_neverANationalNumberName() {
        IdentityNames names = IdentityNames.parse("given-name=first,family-name=last,national-number=nrn,email=nrn");
        Map<String, Object> claims = Map.of("first", "Jan", "last", "Jansen", "nrn", "85073003328",
                "given_name", "ignored", "acr", "urn:x:gold");

        assertThat(ClaimsMapper.profileClaims(claims, names)).containsOnlyKeys("first", "last");
    }
}
