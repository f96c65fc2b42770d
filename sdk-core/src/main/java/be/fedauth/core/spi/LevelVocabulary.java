package be.fedauth.core.spi;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.internal.TableLevelVocabulary;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Translates the {@link AssuranceLevel} scale and {@link DigitalKey}s to and from one identity
 * provider's words: OIDC {@code acr_values} / {@code amr}, SAML {@code AuthnContextClassRef}.
 * Protocol modules ship the FAS and social-security vocabularies; {@link #builder()} makes others.
 */
public interface LevelVocabulary {

    /**
     * The values to send in the request: for the keys when some are named, else for the minimum
     * level (the lowest level value that satisfies it, or, when the provider names keys only, every
     * key value that satisfies it); an empty list asks for nothing in particular.
     */
    List<String> requestValues(java.util.Optional<AssuranceLevel> minimum, Set<DigitalKey> keys);

    /**
     * Reads the level (and key when named) from a response's values; the strongest recognised one wins.
     * FAS adds keys without protocol changes, so the table vocabulary reads an unlisted FAS level URN
     * ({@code urn:be:fedict:iam:fas:...LevelNNN}) as its level, and a level beside a method word it does
     * not know (not an RFC 8176 factor such as {@code pwd}) as {@link DigitalKey#UNNAMED} at that level;
     * other unknown values are ignored. A response with no value at all (or only values that state none,
     * {@link Builder#unstated}) gets the vocabulary's default level, when it has one
     * ({@link Builder#defaultLevel}), and never a key. When nothing is recognised, the values received are
     * logged at WARN (cleaned) so that an operator can map them.
     *
     * @throws AuthenticationException {@link ErrorCode#UNKNOWN_LEVEL} when no value is recognised, or
     *     none is given and there is no default level
     */
    AchievedLevel interpret(Collection<String> responseValues);

    /**
     * The keys this vocabulary can request by a value of their own (a {@link Builder#key} entry): what a
     * generic profile offers. Empty by default.
     */
    default Set<DigitalKey> namedKeys() {
        return Set.of();
    }

    /** A vocabulary made from a table of values. */
    static Builder builder() {
        return new TableLevelVocabulary.TableBuilder();
    }

    /**
     * A table vocabulary from a level MAPPING alone ({@link Builder#mapping}).
     *
     * @throws be.fedauth.core.ConfigurationException naming the item that is wrong, or for an empty mapping
     */
    static LevelVocabulary parse(String mapping) {
        return builder().mapping(mapping).build();
    }

    /** Builds a table vocabulary: each value means a level, and optionally a key. */
    interface Builder {
        /** A value that means a level (used for requests by level and read in responses). */
        Builder level(String value, AssuranceLevel level);

        /** A value that means a key and the key's level (used for requests by key and read in responses). */
        Builder key(String value, DigitalKey key);

        /** A value that is read in responses as a level but never requested. */
        Builder alias(String value, AssuranceLevel level);

        /**
         * The level of a response that states none (no {@code acr}/{@code amr}, no
         * AuthnContextClassRef): for identity providers that never say. Without it such a response is
         * refused with {@link ErrorCode#UNKNOWN_LEVEL}. The login's key is then unnamed.
         */
        Builder defaultLevel(AssuranceLevel level);

        /**
         * A value that states no level, read as if the response had none (so the default level applies,
         * and without one the login is refused with {@link ErrorCode#UNKNOWN_LEVEL}): SAML's
         * {@code urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified}. Never requested.
         */
        Builder unstated(String value);

        /**
         * Adds an operator's level MAPPING: comma-separated {@code VALUE=LEVEL} items (a level value, also
         * requested for that level when no earlier value is) or {@code VALUE=LEVEL:KEY} items (a key value,
         * requested for that key; KEY a {@link DigitalKey} name at its own level), each split at its last
         * '='; LEVEL one of 100 200 300 350 400 450 500. An item replaces what this builder had for the same
         * value (so a mapping corrects a preset); a blank mapping adds nothing. Nothing is added when an item
         * is wrong.
         *
         * @throws be.fedauth.core.ConfigurationException naming the item (cleaned): no '=', an empty value,
         *     an unknown level or key, a key at another level than its own, a value twice in the mapping
         */
        Builder mapping(String mapping);

        /** The vocabulary; throws {@link be.fedauth.core.ConfigurationException} without any value or default level. */
        LevelVocabulary build();
    }
}
