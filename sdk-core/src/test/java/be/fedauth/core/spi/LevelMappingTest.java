package be.fedauth.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 13 point 1: the level vocabulary as data, from an operator's MAPPING (the one parser, in core). */
class LevelMappingTest {
    private static final String GOLD = "urn:example:loa:gold";

    /** Each wrong mapping, the part of the item the error must name, and (cleaned) what it must not show. */
    enum BadMapping {
        NO_EQUALS("urn:x:a=200,urn:x:b", "urn:x:b"),
        BAD_LEVEL("urn:x:a=250", "urn:x:a=250"),
        LEVEL_NOT_A_NUMBER("urn:x:a=high", "urn:x:a=high"),
        UNKNOWN_KEY("urn:x:a=500:CARD", "CARD"),
        KEY_AT_ANOTHER_LEVEL("urn:x:a=400:EID", "urn:x:a=400:EID"),
        KEY_WITHOUT_KNOWN_LEVEL("urn:x:a=450:MYGOV", "MYGOV"),
        EMPTY_VALUE("=400", "=400"),
        BLANK_VALUE("  =400", "=400"),
        EMPTY_ITEM("urn:x:a=200,,urn:x:b=400", "item 2"),
        TRAILING_COMMA("urn:x:a=200,", "item 2"),
        DUPLICATE_VALUE("urn:x:a=200,urn:x:a=400", "urn:x:a=400"),
        CONTROL_CHARACTERS("urn:x:a\r\nFORGED=250", "urn:x:a??FORGED=250");

        final String mapping;
        final String named;

        BadMapping(String mapping, String named) {
            this.mapping = mapping;
            this.named = named;
        }
    }

    @ParameterizedTest
    @EnumSource(BadMapping.class)
    void point1_aWrongMapping_isAConfigurationErrorNamingTheItem_cleaned(BadMapping bad) {
        assertThatThrownBy(() -> LevelVocabulary.parse(bad.mapping))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains(bad.named).doesNotContain("\r", "\n");
                });
    }

    @Test
    void point1_aWrongMapping_leavesTheBuilderAsItWas() {
        LevelVocabulary.Builder builder = LevelVocabulary.builder().level("urn:x:a", AssuranceLevel.LEVEL_200);

        assertThatThrownBy(() -> builder.mapping("urn:x:b=400,urn:x:c=999")).isInstanceOf(ConfigurationException.class);

        assertThatThrownBy(() -> builder.build().interpret(List.of("urn:x:b")))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL));
    }

    @Test
    void point1_levelItems_areReadAndRequested_splitAtTheLastEquals() {
        LevelVocabulary vocabulary = LevelVocabulary.parse(" urn:x:a=b=200 , " + GOLD + "=400");

        assertThat(vocabulary.interpret(List.of("urn:x:a=b")).level()).isEqualTo(AssuranceLevel.LEVEL_200);
        assertThat(vocabulary.interpret(List.of(GOLD))).isEqualTo(new AchievedLevel(AssuranceLevel.LEVEL_400, Optional.empty()));
        assertThat(vocabulary.requestValues(Optional.of(AssuranceLevel.LEVEL_300), Set.of())).containsExactly(GOLD);
        assertThat(vocabulary.namedKeys()).isEmpty();
    }

    @Test
    void point1_keyItems_nameTheKey_andAreWhatTheVocabularyOffers() {
        LevelVocabulary vocabulary = LevelVocabulary.parse("urn:x:card=500:EID,urn:x:app=450:itsme");

        assertThat(vocabulary.interpret(List.of("urn:x:card")).key()).contains(DigitalKey.EID);
        assertThat(vocabulary.interpret(List.of("urn:x:app"))).isEqualTo(
                new AchievedLevel(AssuranceLevel.LEVEL_450, Optional.of(DigitalKey.ITSME)));
        assertThat(vocabulary.namedKeys()).containsExactlyInAnyOrder(DigitalKey.EID, DigitalKey.ITSME);
        assertThat(vocabulary.requestValues(Optional.empty(), Set.of(DigitalKey.EID))).containsExactly("urn:x:card");
    }

    @Test
    void point1_aMappingItem_replacesAPresetsEntryForTheSameValue() {
        LevelVocabulary vocabulary = LevelVocabulary.builder()
                .alias("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport", AssuranceLevel.LEVEL_200)
                .unstated("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified")
                .mapping("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport=400,"
                        + "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified=200")
                .build();

        assertThat(vocabulary.interpret(List.of("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"))
                .level()).isEqualTo(AssuranceLevel.LEVEL_400);
        assertThat(vocabulary.interpret(List.of("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified")).level())
                .isEqualTo(AssuranceLevel.LEVEL_200);
    }

    @Test
    void point1_aReplacedRequestValue_isNoLongerRequestedForItsOldLevel() {
        LevelVocabulary vocabulary = LevelVocabulary.builder().level("urn:x:a", AssuranceLevel.LEVEL_200)
                .level("urn:x:b", AssuranceLevel.LEVEL_400).mapping("urn:x:a=500").build();

        assertThat(vocabulary.requestValues(Optional.of(AssuranceLevel.LEVEL_200), Set.of())).containsExactly("urn:x:b");
        assertThat(vocabulary.requestValues(Optional.of(AssuranceLevel.LEVEL_450), Set.of())).containsExactly("urn:x:a");
    }

    @Test
    void point1_anUnstatedValue_getsTheDefaultLevel_andWithoutDefaultIsRefusedAsUnknownLevel() {
        String unspecified = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";
        LevelVocabulary.Builder builder = LevelVocabulary.builder().alias("urn:x:a", AssuranceLevel.LEVEL_200)
                .unstated(unspecified);

        assertThatThrownBy(() -> builder.build().interpret(List.of(unspecified)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_LEVEL));
        assertThat(builder.defaultLevel(AssuranceLevel.LEVEL_350).build().interpret(List.of(unspecified)))
                .isEqualTo(new AchievedLevel(AssuranceLevel.LEVEL_350, Optional.empty()));
    }

    @Test
    void point1_aTableOfReadOnlyValues_asksForNothing_andTheLevelIsCheckedOnReturn() {
        LevelVocabulary readOnly = LevelVocabulary.builder().alias("http://eidas.europa.eu/LoA/high", AssuranceLevel.LEVEL_500)
                .build();

        assertThat(readOnly.requestValues(Optional.of(AssuranceLevel.LEVEL_400), Set.of())).isEmpty();
        assertThatThrownBy(() -> readOnly.requestValues(Optional.empty(), Set.of(DigitalKey.EID)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_NOT_OFFERED));
    }

    @Test
    void point1_aBlankMapping_addsNothing() {
        LevelVocabulary vocabulary = LevelVocabulary.builder().mapping(" ").defaultLevel(AssuranceLevel.LEVEL_200).build();

        assertThat(vocabulary.interpret(List.of()).level()).isEqualTo(AssuranceLevel.LEVEL_200);
        assertThatThrownBy(() -> LevelVocabulary.parse("")).isInstanceOf(ConfigurationException.class);
    }
}
