package be.fedauth.saml;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.spi.IdentityNames;
import be.fedauth.core.spi.LevelVocabulary;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What differs between identity providers spoken to over SAML: the level vocabulary (the
 * AuthnContextClassRef values), the attribute names, the digital keys offered, and whether the national
 * number is required. Immutable. Presets: {@link #fas()}, {@link #socialSecurity()}, {@link #generic()};
 * {@link #fasBuilder()} and {@link #genericBuilder()} add an operator's levels and names to a preset.
 *
 * @param vocabulary translates levels and keys to and from AuthnContextClassRef values
 * @param attributes the attribute names
 * @param keys the digital keys this identity provider offers (none: logins by level only)
 * @param requireNationalNumber whether an assertion without a national number is refused ({@code missing_claim})
 */
public record SamlProfile(LevelVocabulary vocabulary, SamlAttributeNames attributes, Set<DigitalKey> keys,
                          boolean requireNationalNumber) {
    private static final String FAS = "urn:be:fedict:iam:fas:";
    private static final String AC = "urn:oasis:names:tc:SAML:2.0:ac:classes:";
    private static final String EIDAS = "http://eidas.europa.eu/LoA/";

    /** Validates and copies. */
    public SamlProfile {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(attributes, "attributes");
        keys = Set.copyOf(keys);
    }

    /** A profile that does not require the national number. */
    public SamlProfile(LevelVocabulary vocabulary, SamlAttributeNames attributes, Set<DigitalKey> keys) {
        this(vocabulary, attributes, keys, false);
    }

    /**
     * BOSA FAS: class refs per key ({@code urn:be:fedict:iam:fas:citizen:eid}, {@code ...:citizen:bmid}
     * for itsme, {@code ...:citizen:token}, and the {@code enterprise} variants read in responses) and
     * per level ({@code urn:be:fedict:iam:fas:citizen:Level100} to {@code Level500} requested; the
     * {@code urn:be:fedict:iam:fas:LevelNNN} and {@code enterprise:LevelNNN} forms read);
     * {@link SamlAttributeNames#FAS}; national number not required (foreigners have none).
     */
    public static SamlProfile fas() {
        return fasBuilder().build();
    }

    /** A builder holding the FAS profile, for an operator's additions. */
    public static Builder fasBuilder() {
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
        return new Builder(vocabulary, SamlAttributeNames.FAS, Optional.of(EnumSet.of(DigitalKey.EID,
                DigitalKey.ITSME, DigitalKey.PASSWORD_MOBILE_APP, DigitalKey.PASSWORD_EMAIL_CODE,
                DigitalKey.PASSWORD_TOKEN, DigitalKey.FOREIGN_EID)));
    }

    /**
     * Any SAML 2.0 identity provider: the standard authentication context classes (SAML Authn Context
     * 2005, section 3.4) and the eIDAS levels of assurance at the levels below, read but never requested
     * (a login asks for no context in particular unless the operator maps values, which are requested);
     * {@code ...:ac:classes:unspecified} states no level, so the default level applies (without one it is
     * refused with {@code unknown_level}); {@link SamlAttributeNames#GENERIC}; no key; national number not
     * required. Values not in the table (InternetProtocol, PreviousSession, the telephony classes...) are
     * refused with {@code unknown_level} and logged, for the operator to map.
     *
     * <table>
     *   <caption>Built-in levels</caption>
     *   <tr><th>class ({@code urn:oasis:names:tc:SAML:2.0:ac:classes:...}) or URI</th><th>level</th><th>why</th></tr>
     *   <tr><td>MobileOneFactorUnregistered</td><td>100</td><td>one factor, a device nobody registered</td></tr>
     *   <tr><td>Password, PasswordProtectedTransport, SecureRemotePassword, Kerberos, MobileOneFactorContract</td>
     *       <td>200</td><td>one factor (a password, or one registered device), as FAS's username and password</td></tr>
     *   <tr><td>X509, SoftwarePKI, TLSClient, Smartcard, TimeSyncToken, MobileTwoFactorUnregistered</td>
     *       <td>300</td><td>a key or token the user holds, not shown to be protected by a second factor</td></tr>
     *   <tr><td>MobileTwoFactorContract</td><td>400</td><td>two factors on a registered device, as FAS's
     *       password and app code</td></tr>
     *   <tr><td>SmartcardPKI</td><td>500</td><td>a PKI smartcard activated by a PIN, as the eID with a reader</td></tr>
     *   <tr><td>{@code http://eidas.europa.eu/LoA/low}, {@code substantial}, {@code high}</td><td>200, 400, 500</td>
     *       <td>the eIDAS levels</td></tr>
     * </table>
     */
    public static SamlProfile generic() {
        return genericBuilder().build();
    }

    /** A builder holding the generic profile, for an operator's additions. */
    public static Builder genericBuilder() {
        LevelVocabulary.Builder vocabulary = LevelVocabulary.builder().unstated(AC + "unspecified")
                .alias(AC + "MobileOneFactorUnregistered", AssuranceLevel.LEVEL_100);
        for (String c : new String[] {"Password", "PasswordProtectedTransport", "SecureRemotePassword", "Kerberos",
                "MobileOneFactorContract"}) {
            vocabulary.alias(AC + c, AssuranceLevel.LEVEL_200);
        }
        for (String c : new String[] {"X509", "SoftwarePKI", "TLSClient", "Smartcard", "TimeSyncToken",
                "MobileTwoFactorUnregistered"}) {
            vocabulary.alias(AC + c, AssuranceLevel.LEVEL_300);
        }
        vocabulary.alias(AC + "MobileTwoFactorContract", AssuranceLevel.LEVEL_400)
                .alias(AC + "SmartcardPKI", AssuranceLevel.LEVEL_500)
                .alias(EIDAS + "low", AssuranceLevel.LEVEL_200)
                .alias(EIDAS + "substantial", AssuranceLevel.LEVEL_400)
                .alias(EIDAS + "high", AssuranceLevel.LEVEL_500);
        return new Builder(vocabulary, SamlAttributeNames.GENERIC, Optional.empty());
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

    /** Adds an operator's settings to a preset. Not thread-safe; each preset call gives a new builder. */
    public static final class Builder {
        private final LevelVocabulary.Builder vocabulary;
        private SamlAttributeNames attributes;
        private Optional<Set<DigitalKey>> keys;
        private boolean requireNationalNumber;

        private Builder(LevelVocabulary.Builder vocabulary, SamlAttributeNames attributes, Optional<Set<DigitalKey>> keys) {
            this.vocabulary = vocabulary;
            this.attributes = attributes;
            this.keys = keys;
        }

        /**
         * An operator's level MAPPING ({@link LevelVocabulary.Builder#mapping}): AuthnContextClassRef values
         * and what they mean, added to the preset's (an item for a value the preset knows replaces it).
         *
         * @throws be.fedauth.core.ConfigurationException naming the item that is wrong
         */
        public Builder levels(String mapping) {
            vocabulary.mapping(Objects.requireNonNull(mapping, "mapping"));
            return this;
        }

        /** The level of an assertion that states none, or only {@code unspecified} (default: refused, {@code unknown_level}). */
        public Builder defaultLevel(AssuranceLevel level) {
            vocabulary.defaultLevel(level);
            return this;
        }

        /** The attribute names (replacing the preset's). */
        public Builder attributes(SamlAttributeNames value) {
            attributes = Objects.requireNonNull(value, "attributes");
            return this;
        }

        /** Names for some fields (an operator's NAMES, {@link IdentityNames#parse}): each field named replaces the preset's names. */
        public Builder attributes(IdentityNames names) {
            attributes = attributes.with(names);
            return this;
        }

        /** Refuses an assertion without a national number ({@code missing_claim}). */
        public Builder requireNationalNumber() {
            requireNationalNumber = true;
            return this;
        }

        /** The keys offered (default: FAS's for the FAS preset, the keys the vocabulary names for the generic one). */
        public Builder keys(Set<DigitalKey> value) {
            keys = Optional.of(Set.copyOf(value));
            return this;
        }

        /**
         * The profile.
         *
         * @throws be.fedauth.core.ConfigurationException when the vocabulary cannot be built
         */
        public SamlProfile build() {
            LevelVocabulary built = vocabulary.build();
            return new SamlProfile(built, attributes, keys.orElseGet(built::namedKeys), requireNationalNumber);
        }
    }
}
