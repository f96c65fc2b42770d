package be.fedauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.EnterpriseNumber;
import be.fedauth.core.Language;
import be.fedauth.core.Mandate;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.Notice;
import be.fedauth.core.ProviderId;
import be.fedauth.core.SessionReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserJsonTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private final AuthenticatedUser user = new AuthenticatedUser(Persona.ALICE.identity(), DigitalKey.ITSME,
            DigitalKey.ITSME.level(), ProviderId.of("fas-oidc"), AT, Persona.ALICE.roles(),
            List.of(new Mandate(EnterpriseNumber.parse("0876543270"), NationalRegisterNumber.parse("85073003328"), "customs",
                    Set.of("PLDA", "EMCS"), AT, AT.plusSeconds(86_400), true, true)),
            List.of(Notice.legacyLoginEnding(LocalDate.of(2026, 3, 31))),
            new SessionReference(ProviderId.of("fas-oidc"), Map.of("id_token", "eyJsecret")));

    @Test
    void forUser_holdsIdentityKeyLevelRolesMandatesAndNotices() {
        String json = UserJson.forUser(user, Language.FR);

        assertThat(json).startsWith("{\"nationalNumber\":\"85.07.30-033.28\",\"foreigner\":false,")
                .contains("\"givenName\":\"Alice\"", "\"key\":\"ITSME\"", "\"level\":450", "\"eidasLevel\":\"HIGH\"",
                        "\"provider\":\"fas-oidc\"", "\"authenticatedAt\":\"2026-03-02T09:00:00Z\"",
                        "\"roles\":[{\"eService\":\"EMCS\",\"enterprise\":\"0403170701\"",
                        "\"mandates\":[{\"giver\":\"0876543270\",\"type\":\"customs\",\"eServices\":[\"EMCS\",\"PLDA\"]",
                        "\"code\":\"legacy_login_ending\",\"lastDay\":\"2026-03-31\",\"message\":\"Vous vous êtes connecté");
    }

    @Test
    void forUser_foreigner_hasNullNationalNumber() {
        AuthenticatedUser foreigner = new AuthenticatedUser(Persona.FOREIGNER.identity(), DigitalKey.PASSWORD_TOKEN,
                DigitalKey.PASSWORD_TOKEN.level(), ProviderId.of("fas-oidc"), AT, List.of(), List.of(), List.of(),
                SessionReference.none(ProviderId.of("fas-oidc")));

        assertThat(UserJson.forUser(foreigner, Language.EN)).startsWith("{\"nationalNumber\":null,\"foreigner\":true,");
    }

    @Test
    void forUserAndForLog_neverHoldTheSessionTokens() {
        assertThat(UserJson.forUser(user, Language.EN)).doesNotContain("eyJsecret", "id_token");
        assertThat(UserJson.forLog(user)).doesNotContain("eyJsecret", "id_token");
    }

    @Test
    void forLog_holdsNoNationalNumberNameFederalIdOrEmail() {
        String json = UserJson.forLog(user);

        assertThat(json).doesNotContain("85073003328", "85.07.30", "Alice", "Peeters", "fedid", "alice@example.be")
                .contains("\"key\":\"ITSME\"", "\"level\":450", "\"provider\":\"fas-oidc\"", "\"enterprise\":\"0403170701\"");
    }
}
