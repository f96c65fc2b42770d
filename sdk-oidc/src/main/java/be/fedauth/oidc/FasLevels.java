package be.fedauth.oidc;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.oidc.internal.FasVocabulary;
import be.fedauth.core.spi.LevelVocabulary;

/**
 * The words FAS uses for levels over OpenID Connect: requests carry
 * {@code acr_values=urn:be:fedict:iam:fas:LevelNNN}, and FAS reports the level achieved in {@code amr}
 * (its {@code acr} is "0", which no entry matches, so it is ignored). A requested level N admits every
 * key of level N or more (fas-reference.md, "Levels and digital keys").
 */
public final class FasLevels {
    private static final String PREFIX = "urn:be:fedict:iam:fas:";

    /** The FAS vocabulary: levels 100 to 500, their citizen and enterprise variants, and the method tokens. */
    public static final LevelVocabulary VOCABULARY = builder().build();

    private FasLevels() {
    }

    /** The level URN FAS uses for a level, {@code urn:be:fedict:iam:fas:Level500} for 500. */
    public static String urn(AssuranceLevel level) {
        return PREFIX + "Level" + level.value();
    }

    /**
     * A builder holding the FAS vocabulary, for an operator's additions ({@link LevelVocabulary.Builder#mapping},
     * {@link LevelVocabulary.Builder#defaultLevel}); its vocabulary requests keys by their level URN, as
     * {@link #VOCABULARY} does. Each call gives a new builder.
     */
    public static LevelVocabulary.Builder builder() {
        LevelVocabulary.Builder b = new FasVocabulary.Builder(LevelVocabulary.builder(), FasLevels::urn);
        for (AssuranceLevel level : AssuranceLevel.values()) {
            b.level(urn(level), level);
            b.alias(PREFIX + "citizen:Level" + level.value(), level);
            b.alias(PREFIX + "enterprise:Level" + level.value(), level);
        }
        // Method tokens that amr may also hold (fas-reference.md: "eid", "bmid" = itsme); they name the key.
        b.key("eid", DigitalKey.EID);
        b.key("bmid", DigitalKey.ITSME);
        // Requests by key go out as the key's level URN: FAS's acr_values are levels.
        return b;
    }
}
