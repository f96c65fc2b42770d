package be.fedauth.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Identity;
import be.fedauth.core.Language;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.oidc.FasLevels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsMapperTest {
    private static final Map<String, Object> FAS = Map.of("egovNRN", "85073003328", "givenName", "Alice",
            "surname", "Peeters", "prefLanguage", "nl", "mail", "alice@example.be",
            "fedid", "0123456789abcdef0123456789abcdef01234567");

    @Test
    void identity_mapsGivenNameToFirstNameAndSurnameToFamilyName() {
        Identity identity = ClaimsMapper.identity(FAS, Language.FR);

        assertThat(identity.givenName()).isEqualTo("Alice");
        assertThat(identity.familyName()).isEqualTo("Peeters");
    }

    @Test
    void identity_readsNationalNumberLanguageMailAndFedid() {
        Identity identity = ClaimsMapper.identity(FAS, Language.FR);

        assertThat(identity.nationalNumber().orElseThrow().digits()).isEqualTo("85073003328");
        assertThat(identity.language()).isEqualTo(Language.NL);
        assertThat(identity.email()).contains("alice@example.be");
        assertThat(identity.federalId()).contains("0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void identity_withoutNationalNumber_isAForeigner() {
        Identity identity = ClaimsMapper.identity(Map.of("givenName", "John", "surname", "Smith"), Language.EN);

        assertThat(identity.isForeigner()).isTrue();
        assertThat(identity.language()).isEqualTo(Language.EN);
    }

    @Test
    void identity_withStandardOidcNames_readsThemToo() {
        Identity identity = ClaimsMapper.identity(Map.of("given_name", "Jan", "family_name", "Jansen",
                "email", "jan@example.be"), Language.FR);

        assertThat(identity.givenName()).isEqualTo("Jan");
        assertThat(identity.familyName()).isEqualTo("Jansen");
        assertThat(identity.email()).contains("jan@example.be");
    }

    @Test
    void identity_withInvalidNationalNumber_failsWithMalformedResponse() {
        Map<String, Object> claims = Map.of("egovNRN", "85073003329", "givenName", "A", "surname", "B");

        assertThatThrownBy(() -> ClaimsMapper.identity(claims, Language.FR))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void identity_withoutSurname_failsWithMissingClaim() {
        assertThatThrownBy(() -> ClaimsMapper.identity(Map.of("givenName", "A"), Language.FR))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.MISSING_CLAIM);
    }

    @Test
    void level_fromFasAmrWithAcrZero_isTheAmrLevel() {
        AchievedLevel level = ClaimsMapper.level(Map.of("amr", List.of("urn:be:fedict:iam:fas:Level500"), "acr", "0"),
                FasLevels.VOCABULARY);

        assertThat(level.level()).isEqualTo(AssuranceLevel.LEVEL_500);
        assertThat(level.key()).isEmpty(); // a level alone names no key (LoginChecks shows it)
    }

    @Test
    void level_fromAcrAlone_isRead() {
        AchievedLevel level = ClaimsMapper.level(Map.of("acr", "urn:be:fedict:iam:fas:citizen:Level400"),
                FasLevels.VOCABULARY);

        assertThat(level.level()).isEqualTo(AssuranceLevel.LEVEL_400);
    }

    @Test
    void level_withNothingKnown_failsWithUnknownLevel() {
        assertThatThrownBy(() -> ClaimsMapper.level(Map.of("acr", "0"), FasLevels.VOCABULARY))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
    }

    @Test
    void roles_inTheReleasedForm_areRead_andOthersIgnored() {
        Map<String, Object> claims = Map.of("roles", List.of("NCTS|0202239951|NCTS|2024-01-01T00:00:00Z|",
                "some FAS role we cannot read"));

        assertThat(ClaimsMapper.roles(claims)).singleElement()
                .satisfies(r -> assertThat(r.eServiceId()).isEqualTo("NCTS"));
    }

    @Test
    void point11_profileClaims_keepTheProfile_andDropTheNationalNumberFederalIdLevelRolesAndMandates() {
        Map<String, Object> claims = new java.util.HashMap<>(FAS);
        claims.putAll(Map.of("amr", List.of("urn:be:fedict:iam:fas:Level500"), "acr", "0",
                "roles", List.of("NCTS|0202239951|NCTS|2024-01-01T00:00:00Z|"), "mandates", List.of("x"), "sub", "s"));
        Map<String, Object> profile = new java.util.HashMap<>(FAS);
        profile.remove("egovNRN");
        profile.remove("fedid");

        assertThat(ClaimsMapper.profileClaims(claims)).isEqualTo(profile).doesNotContainKeys("egovNRN", "fedid");
    }
}
