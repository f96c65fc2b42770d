package be.fedauth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.IdentityNames.Field;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.saml.SamlProfile;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoOptionsTest {

    @Test
    void defaults_startTheFakeOnPort8080() {
        DemoOptions o = DemoOptions.parse(new String[0], Map.of());

        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.fakeIdp()).isTrue();
        assertThat(o.clock()).isEmpty();
        assertThat(o.nctsGraceEnd()).isEqualTo(LocalDate.of(2021, 1, 1));
    }

    @Test
    void environment_isReadAndTheCommandLineWins() {
        DemoOptions o = DemoOptions.parse(new String[] {"--port", "9090"},
                Map.of("FEDAUTH_DEMO_PORT", "7070", "FEDAUTH_DEMO_OIDC_ISSUER", "https://idp.example/fas/oauth2"));

        assertThat(o.port()).isEqualTo(9090);
        assertThat(o.oidcIssuer()).hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("idp.example"));
    }

    @Test
    void clock_aDayMeansNineInTheMorningInBrussels() {
        DemoOptions o = DemoOptions.parse(new String[] {"--clock", "2020-06-15"}, Map.of());

        assertThat(o.clock()).contains(Instant.parse("2020-06-15T07:00:00Z"));
    }

    @Test
    void unknownOption_isRefused() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--pot", "1"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--pot");
    }

    @Test
    void badValue_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--clock", "soon"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--clock");
    }

    @Test
    void usage_documentsTheHttpSurfaceAndEveryOptionWithItsVariable() {
        String usage = DemoOptions.usage();

        assertThat(usage).contains("/login?service=NCTS&protocol=oidc|saml&key=EID", "/callback/oidc", "/callback/saml",
                "/api/me", "/logout", "/logged-out", "/saml/metadata", "/saml/slo");
        DemoOptions.OPTIONS.forEach(o -> assertThat(usage).contains(o.flag(), o.env()));
    }

    private static final URI ISSUER = URI.create("https://idp.example/realms/customs");
    private static final URI REDIRECT = URI.create("https://portal.example/callback/oidc");

    private static OidcSettings oidc(DemoOptions o) {
        return o.profiles().oidc(ISSUER, "portal", REDIRECT, ClientAuthentication.clientSecretBasic("secret-0123456789"))
                .build();
    }

    @Test
    void point1_defaults_areTheFasProfilesForBothProtocols() {
        DemoOptions o = DemoOptions.parse(new String[0], Map.of());

        OidcSettings oidc = oidc(o);
        assertThat(oidc.providerId()).isEqualTo(ProviderId.of("fas-oidc"));
        assertThat(oidc.scopes()).containsExactly("openid", "profile", "egovnrn", "roles");
        assertThat(oidc.claimNames().names(Field.NATIONAL_NUMBER)).containsExactly("egovNRN");
        assertThat(oidc.requireNationalNumber()).isFalse();
        assertThat(o.profiles().samlId()).isEqualTo(ProviderId.of("fas-saml"));
        SamlProfile saml = o.profiles().samlProfile();
        assertThat(saml.attributes().friendlyNames()).isFalse();
        assertThat(saml.vocabulary().interpret(List.of("urn:be:fedict:iam:fas:citizen:eid")).key()).contains(DigitalKey.EID);
    }

    @Test
    void point1_oidcGeneric_withLevelsDefaultScopesClaimsNationalNumberAndId() {
        DemoOptions o = DemoOptions.parse(new String[] {"--oidc-profile", "generic", "--oidc-levels",
                "urn:example:loa:gold=400,urn:example:loa:card=500:EID", "--oidc-default-level", "200",
                "--oidc-scopes", "openid profile nrn", "--oidc-claims", "national-number=nrn,email=mail",
                "--oidc-require-national-number", "--oidc-provider-id", "keycloak-oidc"}, Map.of());

        OidcSettings oidc = oidc(o);
        assertThat(oidc.providerId()).isEqualTo(ProviderId.of("keycloak-oidc"));
        assertThat(oidc.scopes()).containsExactly("openid", "profile", "nrn");
        assertThat(oidc.claimNames().names(Field.GIVEN_NAME)).containsExactly("given_name");
        assertThat(oidc.claimNames().names(Field.EMAIL)).containsExactly("mail");
        assertThat(oidc.claimNames().names(Field.NATIONAL_NUMBER)).containsExactly("nrn");
        assertThat(oidc.requireNationalNumber()).isTrue();
        assertThat(oidc.keys()).containsExactly(DigitalKey.EID);
        assertThat(oidc.vocabulary().interpret(List.of("urn:example:loa:gold")).level()).isEqualTo(AssuranceLevel.LEVEL_400);
        assertThat(oidc.vocabulary().interpret(List.of("http://eidas.europa.eu/LoA/high")).level())
                .isEqualTo(AssuranceLevel.LEVEL_500);
        assertThat(oidc.vocabulary().interpret(List.of()).level()).isEqualTo(AssuranceLevel.LEVEL_200);
        assertThat(oidc.vocabulary().requestValues(Optional.of(AssuranceLevel.LEVEL_300), Set.of()))
                .containsExactly("urn:example:loa:gold");
    }

    @Test
    void point1_oidcGeneric_byDefault_readsStandardClaimsAndOffersNoKey() {
        OidcSettings oidc = oidc(DemoOptions.parse(new String[] {"--oidc-profile", "generic"}, Map.of()));

        assertThat(oidc.providerId()).isEqualTo(ProviderId.of("oidc"));
        assertThat(oidc.scopes()).containsExactly("openid", "profile", "email");
        assertThat(oidc.claimNames().names(Field.LANGUAGE)).containsExactly("locale");
        assertThat(oidc.claimNames().names(Field.NATIONAL_NUMBER)).isEmpty();
        assertThat(oidc.keys()).isEmpty();
    }

    @Test
    void point1_samlGeneric_fromTheEnvironment_withLevelsDefaultAttributesAndOptIns() {
        DemoOptions o = DemoOptions.parse(new String[0], Map.of("FEDAUTH_DEMO_SAML_PROFILE", "generic",
                "FEDAUTH_DEMO_SAML_LEVELS", "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport=400",
                "FEDAUTH_DEMO_SAML_DEFAULT_LEVEL", "350", "FEDAUTH_DEMO_SAML_ATTRIBUTES", "national-number=ssin",
                "FEDAUTH_DEMO_SAML_REQUIRE_NATIONAL_NUMBER", "true", "FEDAUTH_DEMO_SAML_PROVIDER_ID", "keycloak-saml",
                "FEDAUTH_DEMO_SAML_IDP_METADATA_UNSIGNED", "true", "FEDAUTH_DEMO_SAML_REQUIRE_ENCRYPTED_ASSERTIONS", "true",
                "FEDAUTH_DEMO_SAML_RESPONSE_SIGNATURE_ONLY", "true"));

        ProfileOptions p = o.profiles();
        SamlProfile saml = p.samlProfile();
        assertThat(p.samlId()).isEqualTo(ProviderId.of("keycloak-saml"));
        assertThat(saml.vocabulary().interpret(List.of("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"))
                .level()).isEqualTo(AssuranceLevel.LEVEL_400);
        assertThat(saml.vocabulary().interpret(List.of("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified")).level())
                .isEqualTo(AssuranceLevel.LEVEL_350);
        assertThat(saml.attributes().nationalNumber()).containsExactly("ssin");
        assertThat(saml.attributes().givenName()).contains("urn:oid:2.5.4.42", "firstName");
        assertThat(saml.attributes().friendlyNames()).isTrue();
        assertThat(saml.requireNationalNumber()).isTrue();
        assertThat(p.samlIdpMetadataUnsigned()).isTrue();
        assertThat(p.samlRequireEncryptedAssertions()).isTrue();
        assertThat(p.samlResponseSignatureOnly()).isTrue();
    }

    @Test
    void point1_levels_isADeprecatedAliasOfBothProfiles_andEachProfileOptionWins() {
        ProfileOptions p = DemoOptions.parse(new String[] {"--levels", "generic", "--saml-profile", "fas"}, Map.of())
                .profiles();

        assertThat(p.oidcGeneric()).isTrue();
        assertThat(p.samlGeneric()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--oidc-profile|keycloak",
        "--saml-profile|generic2",
        "--oidc-levels|urn:x=250",
        "--oidc-levels|urn:x=500:CARD",
        "--saml-levels|=400",
        "--saml-levels|urn:x=200,urn:x=400",
        "--oidc-default-level|250",
        "--saml-default-level|high",
        "--oidc-claims|surname=sn",
        "--saml-attributes|email",
        "--oidc-scopes|openid \"profile",
        "--oidc-provider-id|Keycloak OIDC",
        "--saml-provider-id|x",
        "--levels|eidas"})
    void point1_aWrongValue_isRefusedNamingTheOption(String flag, String value) {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {flag, value}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(flag);
    }

    @Test
    void point1_usage_listsEveryProfileOption() {
        String usage = DemoOptions.usage();

        for (String flag : List.of("--oidc-profile", "--oidc-levels", "--oidc-default-level", "--oidc-scopes",
                "--oidc-claims", "--oidc-require-national-number", "--oidc-provider-id", "--saml-profile", "--saml-levels",
                "--saml-default-level", "--saml-attributes", "--saml-require-national-number", "--saml-provider-id",
                "--saml-idp-metadata-unsigned", "--saml-require-encrypted-assertions", "--saml-response-signature-only")) {
            assertThat(usage).contains(flag + " ", "FEDAUTH_DEMO_" + flag.substring(2).toUpperCase().replace('-', '_'));
        }
    }
}
