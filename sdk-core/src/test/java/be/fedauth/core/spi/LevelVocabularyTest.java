package be.fedauth.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LevelVocabularyTest {
    private final LevelVocabulary fas = LevelVocabulary.builder()
            .level("urn:be:fedict:iam:fas:Level100", AssuranceLevel.LEVEL_100)
            .level("urn:be:fedict:iam:fas:Level300", AssuranceLevel.LEVEL_300)
            .level("urn:be:fedict:iam:fas:Level400", AssuranceLevel.LEVEL_400)
            .level("urn:be:fedict:iam:fas:Level450", AssuranceLevel.LEVEL_450)
            .level("urn:be:fedict:iam:fas:Level500", AssuranceLevel.LEVEL_500)
            .key("urn:be:fedict:iam:fas:citizen:eid", DigitalKey.EID)
            .key("urn:be:fedict:iam:fas:citizen:bmid", DigitalKey.ITSME)
            .alias("urn:be:fedict:iam:fas:citizen:Level450", AssuranceLevel.LEVEL_450)
            .build();

    @Test
    void requestValues_forKeys_areTheKeysValues() {
        assertThat(fas.requestValues(Optional.empty(), Set.of(DigitalKey.ITSME, DigitalKey.EID)))
                .containsExactly("urn:be:fedict:iam:fas:citizen:eid", "urn:be:fedict:iam:fas:citizen:bmid");
    }

    @Test
    void requestValues_forAKeyWithoutItsOwnValue_useItsLevel() {
        assertThat(fas.requestValues(Optional.empty(), Set.of(DigitalKey.PASSWORD_MOBILE_APP)))
                .containsExactly("urn:be:fedict:iam:fas:Level400");
    }

    @Test
    void requestValues_forAMinimumLevel_areTheLowestLevelAtOrAboveIt() {
        assertThat(fas.requestValues(Optional.of(AssuranceLevel.LEVEL_350), Set.of()))
                .containsExactly("urn:be:fedict:iam:fas:Level400");
        assertThat(fas.requestValues(Optional.empty(), Set.of())).isEmpty();
    }

    @Test
    void requestValues_forAKeyWithNoWayToAskForIt_failsWithKeyNotOffered() {
        assertThatThrownBy(() -> fas.requestValues(Optional.empty(), Set.of(DigitalKey.PASSWORD)))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.KEY_NOT_OFFERED);
    }

    @Test
    void interpret_takesTheStrongestKnownValueAndIgnoresUnknownOnes() {
        AchievedLevel achieved = fas.interpret(List.of("pwd", "urn:be:fedict:iam:fas:Level300", "urn:be:fedict:iam:fas:Level500"));

        assertThat(achieved.level()).isEqualTo(AssuranceLevel.LEVEL_500);
        assertThat(achieved.key()).isEmpty(); // a level alone names no key (LoginChecks shows it)
    }

    @Test
    void interpret_keepsANamedKeyThatAgreesWithTheLevel() {
        AchievedLevel achieved = fas.interpret(List.of("urn:be:fedict:iam:fas:citizen:bmid", "urn:be:fedict:iam:fas:Level450"));

        assertThat(achieved.key()).contains(DigitalKey.ITSME);
    }

    @Test
    void interpret_ignoresANamedKeyBelowTheLevelAchieved() {
        AchievedLevel achieved = fas.interpret(List.of("urn:be:fedict:iam:fas:citizen:bmid", "urn:be:fedict:iam:fas:Level500"));

        assertThat(achieved.level()).isEqualTo(AssuranceLevel.LEVEL_500);
        assertThat(achieved.key()).isEmpty(); // a level alone names no key (LoginChecks shows it)
    }

    @Test
    void interpret_withNothingKnown_failsWithUnknownLevel() {
        assertThatThrownBy(() -> fas.interpret(List.of("0", "urn:other")))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
        assertThatThrownBy(() -> fas.interpret(List.of()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
    }

    @Test
    void vocabulary_withLevelsOnlyOrKeysOnly_works() {
        LevelVocabulary levels = LevelVocabulary.builder().level("low", AssuranceLevel.LEVEL_200).build();
        LevelVocabulary keys = LevelVocabulary.builder().key("eid", DigitalKey.EID).build();

        assertThat(levels.requestValues(Optional.of(AssuranceLevel.LEVEL_100), Set.of())).containsExactly("low");
        assertThat(keys.requestValues(Optional.empty(), Set.of(DigitalKey.EID))).containsExactly("eid");
        assertThat(keys.interpret(List.of("eid")).key()).contains(DigitalKey.EID);
    }

    @Test
    void requestValues_forAMinimumLevel_fromAKeysOnlyVocabulary_areTheKeysThatSatisfyIt() {
        LevelVocabulary keysOnly = LevelVocabulary.builder().key("socsec", DigitalKey.SOCIAL_SECURITY)
                .key("eid", DigitalKey.EID).build();

        assertThat(keysOnly.requestValues(Optional.of(AssuranceLevel.LEVEL_300), Set.of())).containsExactly("eid", "socsec");
        assertThat(keysOnly.requestValues(Optional.of(AssuranceLevel.LEVEL_400), Set.of())).containsExactly("eid");
    }

    @Test
    void builder_refusesEmptyAndDuplicateValues() {
        assertThatThrownBy(() -> LevelVocabulary.builder().build()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> LevelVocabulary.builder().level("x", AssuranceLevel.LEVEL_100).alias("x", AssuranceLevel.LEVEL_200))
                .isInstanceOf(ConfigurationException.class);
    }
}
