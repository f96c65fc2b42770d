package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.LevelVocabulary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: identity providers other than FAS. A level alone is never turned into a key (point 2,
 * "the level-300 trap"), and a provider that states no level gets the operator's explicit default
 * (point 1), never a guess.
 */
class GenericLevelTest {
    private static final Instant BEFORE_TOKEN_RETIRED = Instant.parse("2023-06-01T08:00:00Z");
    private static final Instant TODAY = Instant.parse("2026-12-06T08:00:00Z");
    private static final String LEVEL_300 = "urn:be:fedict:iam:fas:Level300";
    private final LevelVocabulary vocabulary = LevelVocabulary.builder()
            .level(LEVEL_300, AssuranceLevel.LEVEL_300)
            .key("urn:be:fedict:iam:fas:citizen:token", DigitalKey.PASSWORD_TOKEN)
            .build();

    @Test
    void point2_aBareLevel300Today_isAnUnnamedKeyAtLevel300_notTheRetiredToken() {
        TimelineLogins logins = new TimelineLogins(Timeline.standard());

        AuthenticatedUser user = logins.loginAt(TODAY, vocabulary.interpret(List.of(LEVEL_300)));

        assertThat(user.key()).isEqualTo(DigitalKey.UNNAMED);
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_300);
        assertThat(user.notices()).extracting(Notice::code).contains(Notice.UNNAMED_KEY);
    }

    @Test
    void point2_aBareLevelBeforeTheRetirement_isStillNotTurnedIntoTheToken() {
        TimelineLogins logins = new TimelineLogins(Timeline.standard());

        AuthenticatedUser user = logins.loginAt(BEFORE_TOKEN_RETIRED, vocabulary.interpret(List.of(LEVEL_300)));

        assertThat(user.key()).isEqualTo(DigitalKey.UNNAMED);
    }

    @Test
    void point2_everyBareLevel_staysUnnamed() {
        TimelineLogins logins = new TimelineLogins(Timeline.standard());
        for (AssuranceLevel level : AssuranceLevel.values()) {
            AuthenticatedUser user = logins.loginAt(TODAY.plusSeconds(level.value()),
                    new AchievedLevel(level, java.util.Optional.empty()));
            assertThat(user.key()).as("level %s", level).isEqualTo(DigitalKey.UNNAMED);
            assertThat(user.level()).isEqualTo(level);
        }
    }

    @Test
    void point2_aTokenTheProviderNamed_isStillRefusedAsRetired() {
        TimelineLogins logins = new TimelineLogins(Timeline.standard());
        AchievedLevel named = vocabulary.interpret(List.of("urn:be:fedict:iam:fas:citizen:token"));

        assertThatThrownBy(() -> logins.loginAt(TODAY, named))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_RETIRED));
    }

    @Test
    void point1_aResponseWithoutLevel_getsTheDefaultLevel_andNoKey() {
        LevelVocabulary generic = LevelVocabulary.builder().defaultLevel(AssuranceLevel.LEVEL_200).build();

        AchievedLevel achieved = generic.interpret(List.of());

        assertThat(achieved.level()).isEqualTo(AssuranceLevel.LEVEL_200);
        assertThat(achieved.key()).isEmpty();
        assertThat(generic.interpret(List.of(" ")).level()).isEqualTo(AssuranceLevel.LEVEL_200);
    }

    @Test
    void point1_withoutDefault_aResponseWithoutLevel_isRefusedAsUnknownLevel() {
        assertThatThrownBy(() -> vocabulary.interpret(List.of()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL));
    }

    @Test
    void point1_anUnknownValue_isRefusedEvenWithADefault_theDefaultIsOnlyForNoValue() {
        LevelVocabulary generic = LevelVocabulary.builder().defaultLevel(AssuranceLevel.LEVEL_200).build();

        assertThatThrownBy(() -> generic.interpret(List.of("urn:example:gold")))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL));
    }

    @Test
    void point1_aVocabularyWithNeitherValuesNorDefault_isAConfigurationError() {
        assertThatThrownBy(() -> LevelVocabulary.builder().build()).isInstanceOf(ConfigurationException.class);
    }
}
