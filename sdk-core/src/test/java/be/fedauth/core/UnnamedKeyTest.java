package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.LevelVocabulary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 15 point 2: FAS adds keys without protocol changes; an unnamed key is accepted by its level. */
class UnnamedKeyTest {
    private static final String FAS = "urn:be:fedict:iam:fas:";
    private static final Instant TODAY = Instant.parse("2026-04-01T10:00:00Z");

    /** A FAS-like table: the level URNs 100-500 and the method words eid and bmid. */
    private static LevelVocabulary fasLike() {
        LevelVocabulary.Builder b = LevelVocabulary.builder();
        for (AssuranceLevel level : AssuranceLevel.values()) {
            b.level(FAS + "Level" + level.value(), level);
            b.alias(FAS + "citizen:Level" + level.value(), level);
        }
        return b.key("eid", DigitalKey.EID).key("bmid", DigitalKey.ITSME).build();
    }

    @Test
    void point2_levelUrnTheTableDoesNotList_isAnUnnamedKeyAtThatLevel() {
        assertThat(fasLike().interpret(List.of(FAS + "mygov:Level450", "0")))
                .isEqualTo(new AchievedLevel(AssuranceLevel.LEVEL_450, Optional.of(DigitalKey.UNNAMED)));
    }

    @Test
    void point2_vocabularyOfAnotherIdp_doesNotReadFasLevelUrns() {
        LevelVocabulary other = LevelVocabulary.builder().level("urn:example:weak", AssuranceLevel.LEVEL_100).build();

        assertThatThrownBy(() -> other.interpret(List.of(FAS + "Level500")))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
    }

    @Test
    void point2_levelNumberBetweenTwoLevels_countsAsTheLowerOne() {
        assertThat(fasLike().interpret(List.of(FAS + "Level375")).level()).isEqualTo(AssuranceLevel.LEVEL_350);
    }

    @Test
    void point2_unknownMethodWordBesideAKnownLevel_isAnUnnamedKeyAtThatLevel_notAGuessedKey() {
        assertThat(fasLike().interpret(List.of("mygov", FAS + "Level450", "0")))
                .isEqualTo(new AchievedLevel(AssuranceLevel.LEVEL_450, Optional.of(DigitalKey.UNNAMED)));
    }

    @Test
    void point2_rfc8176FactorWordBesideAKnownLevel_leavesTheLevelOnly() {
        assertThat(fasLike().interpret(List.of("pwd", FAS + "Level400", "0")))
                .isEqualTo(new AchievedLevel(AssuranceLevel.LEVEL_400, Optional.empty()));
    }

    @Test
    void point2_knownLevelAlone_staysLevelOnly() {
        assertThat(fasLike().interpret(List.of(FAS + "Level450", "0")))
                .isEqualTo(new AchievedLevel(AssuranceLevel.LEVEL_450, Optional.empty()));
    }

    @Test
    void point2_namedKey_staysNamed() {
        assertThat(fasLike().interpret(List.of("eid", FAS + "Level500")).key()).contains(DigitalKey.EID);
    }

    @Test
    void point2_unknownWordAlone_isStillUnknownLevel() {
        assertThatThrownBy(() -> fasLike().interpret(List.of("mygov", "0")))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
        assertThatThrownBy(() -> fasLike().interpret(List.of(FAS + "Level050")))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL);
    }

    @Test
    void point2_unnamedKeyLogin_isAcceptedByLevelWithANoticeForTheApplication() {
        TimelineLogins logins = new TimelineLogins(Timeline.standard());

        AuthenticatedUser user = logins.loginAt(TODAY, fasLike().interpret(List.of("mygov", FAS + "Level450")));

        assertThat(user.key()).isEqualTo(DigitalKey.UNNAMED);
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_450);
        assertThat(user.notices()).extracting(Notice::code).containsExactly(Notice.UNNAMED_KEY);
        assertThat(user.notices().get(0).message(Language.EN)).contains("450");
    }

    @Test
    void point2_newKeys_areAtTheEndOfTheEnum_soSealedPendingLoginsKeepTheirMeaning() {
        assertThat(DigitalKey.UNNAMED.ordinal()).isEqualTo(8);
        assertThat(List.of(DigitalKey.PASSWORD_SMS_CODE, DigitalKey.MYGOV, DigitalKey.COMMERCIAL_CERTIFICATE))
                .extracting(Enum::ordinal).containsExactly(9, 10, 11);
        assertThat(DigitalKey.values()).hasSizeLessThanOrEqualTo(16);
    }

    @Test
    void point2_myGovAndTheSmsCode_areActiveToday_theTokenAndCommercialCertificateAreNot() {
        assertThat(Timeline.standard().activeKeys(TODAY)).contains(DigitalKey.MYGOV, DigitalKey.PASSWORD_SMS_CODE,
                DigitalKey.PASSWORD_EMAIL_CODE, DigitalKey.PASSWORD_MOBILE_APP, DigitalKey.EID, DigitalKey.ITSME)
                .doesNotContain(DigitalKey.PASSWORD_TOKEN, DigitalKey.COMMERCIAL_CERTIFICATE);
        assertThat(DigitalKey.MYGOV.isLevelKnown()).isFalse();
    }
}
