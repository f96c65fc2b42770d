package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Userinfo as plain JSON is vouched for by TLS only (OIDC Core 5.3.2): it may add profile claims but
 * never the level, roles or mandates. Signed userinfo (what FAS sends) keeps supplying them.
 */
class UserinfoTrustTest {
    private static final String LEVEL_500 = "urn:be:fedict:iam:fas:Level500";
    private static final Map<String, Object> PROFILE = Map.of("givenName", "Alicia", "surname", "Peeters");
    private static final Map<String, Object> RIGHTS = Map.of(
            "roles", List.of("NCTS|0202239951|NCTS|2024-01-01T00:00:00Z|"),
            "mandates", List.of("0202239951|85073003328|customs|PLDA|2024-01-01T00:00:00Z|2030-01-01T00:00:00Z"));

    private final CannedIdp idp;

    UserinfoTrustTest() throws Exception {
        idp = new CannedIdp();
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    @Test
    void login_idTokenWithoutLevel_andUnsignedUserinfoClaimingOne_failsWithUnknownLevel() {
        idp.userinfoJson(with(PROFILE, Map.of("amr", List.of(LEVEL_500), "acr", LEVEL_500)));

        assertThatThrownBy(() -> idp.login(idp.provider(), Map.of()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
    }

    @Test
    void login_unsignedUserinfoWithRolesAndMandates_givesNeither_butItsProfileClaims() throws Exception {
        idp.userinfoJson(with(PROFILE, RIGHTS));

        AuthenticatedUser user = idp.login(idp.provider(), Map.of("amr", List.of(LEVEL_500), "givenName", "Alice"));

        assertThat(user.roles()).isEmpty();
        assertThat(user.mandates()).isEmpty();
        assertThat(user.identity().givenName()).isEqualTo("Alicia");
    }

    @Test
    void login_idTokenWithoutLevel_andSignedUserinfoStatingOne_takesTheLevelFromUserinfo() throws Exception {
        idp.userinfoJwt(with(PROFILE, Map.of("amr", List.of(LEVEL_500))));

        assertThat(idp.login(idp.provider(), Map.of()).level()).isEqualTo(AssuranceLevel.LEVEL_500);
    }

    @Test
    void login_signedUserinfoWithRolesAndMandates_givesBoth() throws Exception {
        idp.userinfoJwt(with(PROFILE, RIGHTS));

        AuthenticatedUser user = idp.login(idp.provider(), Map.of("amr", List.of(LEVEL_500)));

        assertThat(user.roles()).singleElement().satisfies(r -> assertThat(r.eServiceId()).isEqualTo("NCTS"));
        assertThat(user.mandates()).singleElement().satisfies(m -> assertThat(m.eServiceIds()).contains("PLDA"));
    }

    @Test
    void point11_plainJsonUserinfo_doesNotOverrideTheIdTokensNationalNumberOrFederalId() throws Exception {
        idp.userinfoJson(with(PROFILE, Map.of("egovNRN", "93051822361", "fedid", "f".repeat(40))));

        AuthenticatedUser user = idp.login(idp.provider(), Map.of("amr", List.of(LEVEL_500), "egovNRN", "85073003328",
                "fedid", "a".repeat(40)));

        assertThat(user.identity().nationalNumber().orElseThrow().digits()).isEqualTo("85073003328");
        assertThat(user.identity().federalId()).contains("a".repeat(40));
    }

    @Test
    void point11_signedUserinfo_setsTheNationalNumber() throws Exception {
        idp.userinfoJwt(with(PROFILE, Map.of("egovNRN", "85073003328")));

        AuthenticatedUser user = idp.login(idp.provider(), Map.of("amr", List.of(LEVEL_500)));

        assertThat(user.identity().nationalNumber().orElseThrow().digits()).isEqualTo("85073003328");
    }

    private static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }
}
