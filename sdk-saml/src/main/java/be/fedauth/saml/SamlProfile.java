package be.fedauth.saml;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.spi.LevelVocabulary;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between identity providers spoken to over SAML: the level vocabulary (the
 * AuthnContextClassRef values), the attribute names, and the digital keys offered. Immutable.
 *
 * @param vocabulary translates levels and keys to and from AuthnContextClassRef values
 * @param attributes the attribute names
 * @param keys the digital keys this identity provider offers
 */
public record SamlProfile(LevelVocabulary vocabulary, SamlAttributeNames attributes, Set<DigitalKey> keys) {
    private static final String FAS = "urn:be:fedict:iam:fas:";

    /** Validates and copies. */
    public SamlProfile {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(attributes, "attributes");
        keys = Set.copyOf(keys);
        if (keys.isEmpty()) {
            throw new be.fedauth.core.ConfigurationException("a SAML profile offers at least one key");
        }
    }

    /**
     * BOSA FAS: class refs per key ({@code urn:be:fedict:iam:fas:citizen:eid}, {@code ...:citizen:bmid}
     * for itsme, {@code ...:citizen:token}, and the {@code enterprise} variants read in responses) and
     * per level ({@code urn:be:fedict:iam:fas:citizen:Level100} to {@code Level500} requested; the
     * {@code urn:be:fedict:iam:fas:LevelNNN} and {@code enterprise:LevelNNN} forms read).
     */
    public static SamlProfile fas() {
        LevelVocabulary.Builder vocabulary = LevelVocabulary.builder()
                .key(FAS + "citizen:eid", DigitalKey.EID)
                .key(FAS + "citizen:bmid", DigitalKey.ITSME)
                .key(FAS + "citizen:token", DigitalKey.PASSWORD_TOKEN)
                .alias(FAS + "enterprise:eid", AssuranceLevel.LEVEL_500)
                .alias(FAS + "enterprise:token", AssuranceLevel.LEVEL_300);
        for (AssuranceLevel level : AssuranceLevel.values()) {
            vocabulary.level(FAS + "citizen:Level" + level.value(), level);
            vocabulary.alias(FAS + "Level" + level.value(), level);
            vocabulary.alias(FAS + "enterprise:Level" + level.value(), level);
        }
        return new SamlProfile(vocabulary.build(), SamlAttributeNames.FAS, EnumSet.of(DigitalKey.EID, DigitalKey.ITSME,
                DigitalKey.PASSWORD_MOBILE_APP, DigitalKey.PASSWORD_EMAIL_CODE, DigitalKey.PASSWORD_TOKEN,
                DigitalKey.FOREIGN_EID));
    }

    /**
     * The legacy social-security login (the NCTS login before BOSA FAS): one key,
     * {@link DigitalKey#SOCIAL_SECURITY}, reported as {@code urn:be:fgov:socsec:authn:token}; a
     * password-only login is reported as {@code urn:be:fgov:socsec:authn:password} (level 200). These
     * values are fedauth's and the testkit's; the real ones are not public.
     */
    public static SamlProfile socialSecurity() {
        LevelVocabulary vocabulary = LevelVocabulary.builder()
                .key("urn:be:fgov:socsec:authn:token", DigitalKey.SOCIAL_SECURITY)
                .level("urn:be:fgov:socsec:authn:password", AssuranceLevel.LEVEL_200)
                .build();
        return new SamlProfile(vocabulary, SamlAttributeNames.SOCIAL_SECURITY, EnumSet.of(DigitalKey.SOCIAL_SECURITY));
    }
}
