package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.NationalRegisterNumber;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's login rules, through HTTP: a preselected login handed over by a protocol completes or is refused. */
class LoginRulesTest {
    @RegisterExtension
    static final FakeFasExtension FAS = FakeFasExtension.configured(b -> b.personas(withForeignerOwningAnEid())
            .extraEndpoints(new TestProtocol()));
    /** Issue 15's eras: 2023 (before the token's retirement) and today (a fixed day of 2026). */
    static final String IN_2023 = "2023-06-01T10:00:00Z";
    static final String TODAY = "2026-06-01T10:00:00Z";

    /** Person, key, request parameters, clock, and the expected refusal (null: the login completes). */
    enum Case {
        CITIZEN_WITH_EID("citizen", DigitalKey.EID, "", null, null),
        CITIZEN_WITH_ITSME_AT_LEVEL_450("citizen", DigitalKey.ITSME, "&level=450", null, null),
        KEY_NOT_OWNED("citizen", DigitalKey.PASSWORD, "", null, "KEY_NOT_OWNED"),
        FOREIGNER_WITH_TOKEN_BEFORE_ITS_RETIREMENT("foreigner", DigitalKey.PASSWORD_TOKEN, "", "2024-01-30T22:59:59Z", null),
        FOREIGNER_WITH_TOKEN_AFTER_ITS_RETIREMENT("foreigner", DigitalKey.PASSWORD_TOKEN, "", "2024-01-30T23:00:00Z", "KEY_RETIRED"),
        FOREIGNER_WITH_ANOTHER_KEY("foreigner-eid", DigitalKey.FOREIGN_EID, "", "2023-01-01T00:00:00Z", "FOREIGNER_TOKEN_ONLY"),
        // Issue 15 point 3: the timeline's token route closes at the start of 31/01/2024 (Brussels); eIDAS replaces it.
        POINT3_FOREIGNER_WITH_EIDAS_ONE_SECOND_BEFORE_THE_TOKENS_END("foreigner-eid", DigitalKey.FOREIGN_EID, "",
                "2024-01-30T22:59:59Z", "FOREIGNER_TOKEN_ONLY"),
        POINT3_FOREIGNER_WITH_EIDAS_AT_THE_TOKENS_END("foreigner-eid", DigitalKey.FOREIGN_EID, "", "2024-01-30T23:00:00Z", null),
        SOCIAL_SECURITY_ONLY_PERSON_AT_FAS("socsec-only", DigitalKey.SOCIAL_SECURITY, "", null, "NOT_KNOWN_TO_IDP"),
        SOCIAL_SECURITY_ONLY_PERSON_AT_SOCIAL_SECURITY("socsec-only", DigitalKey.SOCIAL_SECURITY, "&idp=SOCIAL_SECURITY", null, null),
        CITIZEN_WITH_EID_AT_SOCIAL_SECURITY("citizen", DigitalKey.EID, "&idp=SOCIAL_SECURITY", null, "KEY_NOT_ACCEPTED"),
        KEY_BELOW_REQUESTED_LEVEL("ncts-employee", DigitalKey.PASSWORD_MOBILE_APP, "&level=450", null, "KEY_NOT_ACCEPTED"),
        KEY_NOT_AMONG_REQUESTED_KEYS("citizen", DigitalKey.ITSME, "&keys=EID", null, "KEY_NOT_ACCEPTED"),
        // Issue 15 point 6: the default personas follow the timeline.
        POINT6_JOHN_SMITH_WITH_THE_FOREIGN_EID_IN_2023("foreigner", DigitalKey.FOREIGN_EID, "", IN_2023, "FOREIGNER_TOKEN_ONLY"),
        POINT6_JOHN_SMITH_WITH_THE_TOKEN_IN_2023("foreigner", DigitalKey.PASSWORD_TOKEN, "", IN_2023, null),
        POINT6_JOHN_SMITH_WITH_THE_FOREIGN_EID_TODAY("foreigner", DigitalKey.FOREIGN_EID, "", TODAY, null),
        POINT6_JOHN_SMITH_WITH_THE_TOKEN_TODAY("foreigner", DigitalKey.PASSWORD_TOKEN, "", TODAY, "KEY_RETIRED"),
        POINT6_FORREG_FOREIGNER_WITH_THE_EMAIL_CODE_TODAY("foreigner-forreg", DigitalKey.PASSWORD_EMAIL_CODE, "", TODAY, null),
        POINT6_FORREG_FOREIGNER_WITH_THE_EMAIL_CODE_IN_2023("foreigner-forreg", DigitalKey.PASSWORD_EMAIL_CODE, "", IN_2023,
                "FOREIGNER_TOKEN_ONLY"),
        POINT6_MYGOV_ONE_SECOND_BEFORE_ITS_DAY("mygov-user", DigitalKey.MYGOV, "", "2025-09-30T21:59:59Z", "KEY_NOT_YET_ACTIVE"),
        POINT6_MYGOV_AT_ITS_DAY("mygov-user", DigitalKey.MYGOV, "", "2025-09-30T22:00:00Z", null),
        POINT6_MYGOV_MEETS_A_REQUEST_FOR_LEVEL_450("mygov-user", DigitalKey.MYGOV, "&level=450", TODAY, null),
        POINT6_MYGOV_BELOW_A_REQUEST_FOR_LEVEL_500("mygov-user", DigitalKey.MYGOV, "&level=500", TODAY, "KEY_NOT_ACCEPTED");

        final String person;
        final DigitalKey key;
        final String parameters;
        final String clock;
        final String refusal;

        Case(String person, DigitalKey key, String parameters, String clock, String refusal) {
            this.person = person;
            this.key = key;
            this.parameters = parameters;
            this.clock = clock;
            this.refusal = refusal;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void login_preselectedPersonAndKey_completesOrIsRefusedByTheRules(Case c, FakeFas fas) throws Exception {
        if (c.clock != null) {
            fas.clock().set(Instant.parse(c.clock));
        }
        fas.preselectLogin(c.person, c.key);

        HttpResponse<String> response = Http.get(URI.create(fas.baseUri()
                + "/test/authorize?redirect_uri=http://127.0.0.1:1/cb&state=s1" + c.parameters));

        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, List<String>> callback = Http.locationQuery(response);
        assertThat(callback.get("state")).containsExactly("s1");
        if (c.refusal == null) {
            assertThat(callback).containsEntry("person", List.of(c.person)).containsEntry("key", List.of(c.key.name()))
                    .doesNotContainKey("error");
        } else {
            assertThat(callback).containsEntry("error", List.of("access_denied"))
                    .containsEntry("reason", List.of(c.refusal));
        }
    }

    static Personas withForeignerOwningAnEid() {
        Personas defaults = Personas.defaults();
        Person foreigner = defaults.person("foreigner").orElseThrow();
        List<Person> people = new ArrayList<>(defaults.people());
        people.add(new Person("foreigner-eid", Optional.<NationalRegisterNumber>empty(), true, "Jan", "Kowalski",
                foreigner.language(), Optional.empty(), "00000000000000000000000000000000000000aa",
                Set.of(DigitalKey.FOREIGN_EID, DigitalKey.PASSWORD_TOKEN), false));
        return new Personas(people, defaults.enterprises(), defaults.roles(), defaults.mandates(),
                defaults.oidcClients(), defaults.samlServiceProviders());
    }
}
