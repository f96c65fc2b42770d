package be.fedauth.core.internal;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.LevelVocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link LevelVocabulary} from a table of values. Immutable. */
public final class TableLevelVocabulary implements LevelVocabulary {
    private static final Logger LOG = LoggerFactory.getLogger(TableLevelVocabulary.class);
    private static final String FAS_PREFIX = "urn:be:fedict:iam:fas:";
    private static final java.util.regex.Pattern FAS_LEVEL =
            java.util.regex.Pattern.compile("urn:be:fedict:iam:fas:(?:[A-Za-z0-9_-]{1,32}:){0,3}Level([0-9]{3})");
    /**
     * The authentication method reference values of RFC 8176 section 2: they describe factors (a password,
     * a one-time code), not a key, so beside a level they leave the level's key as it is.
     */
    private static final Set<String> RFC_8176 = Set.of("face", "fpt", "geo", "hwk", "iris", "kba", "mca", "mfa", "otp",
            "pin", "pop", "pwd", "rba", "retina", "sc", "sms", "swk", "tel", "user", "vbm", "wia");
    /** A lower-case method token such as {@code eid} or {@code bmid} (not {@code acr} "0", not a URN). */
    private static final java.util.regex.Pattern METHOD_WORD = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private final Map<String, AchievedLevel> meanings;
    private final Map<AssuranceLevel, String> levelRequests;
    private final Map<DigitalKey, String> keyRequests;
    /** Whether this is a FAS vocabulary (it lists FAS URNs): only then are unlisted FAS level URNs read. */
    private final boolean fas;
    /** The level of a response that states none, when the operator gave one. */
    private final Optional<AssuranceLevel> defaultLevel;
    /** Values that state no level (SAML's unspecified class): read as if absent. */
    private final Set<String> unstated;

    private TableLevelVocabulary(TableBuilder b) {
        this.meanings = Map.copyOf(b.meanings);
        this.unstated = Set.copyOf(b.unstated);
        this.defaultLevel = b.defaultLevel;
        this.fas = b.meanings.keySet().stream().anyMatch(v -> v.startsWith(FAS_PREFIX));
        this.levelRequests = new EnumMap<>(AssuranceLevel.class);
        this.levelRequests.putAll(b.levelRequests);
        this.keyRequests = new EnumMap<>(DigitalKey.class);
        this.keyRequests.putAll(b.keyRequests);
    }

    @Override
    public List<String> requestValues(Optional<AssuranceLevel> minimum, Set<DigitalKey> keys) {
        Objects.requireNonNull(minimum, "minimum");
        List<String> values = new ArrayList<>();
        if (!keys.isEmpty()) {
            for (DigitalKey key : DigitalKey.values()) {
                if (!keys.contains(key)) {
                    continue;
                }
                String value = keyRequests.get(key);
                if (value == null) {
                    value = levelRequests.get(key.level());
                }
                if (value == null) {
                    throw new AuthenticationException(ErrorCode.KEY_NOT_OFFERED,
                            "this identity provider has no way to request the key " + key);
                }
                if (!values.contains(value)) {
                    values.add(value);
                }
            }
            return List.copyOf(values);
        }
        if (minimum.isEmpty() || levelRequests.isEmpty() && keyRequests.isEmpty()) {
            // A table of read-only values (a generic profile without operator entries) asks for nothing in
            // particular: the level the provider reports is checked on return (LoginChecks, level_too_low).
            return List.of();
        }
        // The lowest level the provider can request that still satisfies the minimum.
        for (AssuranceLevel level : AssuranceLevel.values()) {
            if (level.isAtLeast(minimum.get()) && levelRequests.containsKey(level)) {
                return List.of(levelRequests.get(level));
            }
        }
        // A provider that names keys only (the social-security login): ask for every key that satisfies it.
        for (Map.Entry<DigitalKey, String> entry : keyRequests.entrySet()) {
            if (entry.getKey().satisfies(minimum.get()) && !values.contains(entry.getValue())) {
                values.add(entry.getValue());
            }
        }
        if (!values.isEmpty()) {
            return List.copyOf(values);
        }
        throw new AuthenticationException(ErrorCode.KEY_NOT_OFFERED,
                "this identity provider cannot be asked for level " + minimum.get().value());
    }

    @Override
    public Set<DigitalKey> namedKeys() {
        return Set.copyOf(keyRequests.keySet());
    }

    @Override
    public AchievedLevel interpret(Collection<String> responseValues) {
        if (responseValues.stream().allMatch(v -> v == null || v.isBlank() || unstated.contains(v))) {
            if (defaultLevel.isPresent()) {
                // The provider states no level: the operator's explicit default, never a key.
                return new AchievedLevel(defaultLevel.get(), Optional.empty());
            }
            LOG.warn("the identity provider stated no level (values received: {}); set a default level for it to"
                    + " accept such logins", responseValues.stream().map(TableLevelVocabulary::shown).toList());
            throw new AuthenticationException(ErrorCode.UNKNOWN_LEVEL, "the response states no level");
        }
        AchievedLevel best = null;
        Optional<DigitalKey> namedKey = Optional.empty();
        AssuranceLevel unnamed = null;
        boolean unknownWord = false;
        for (String value : responseValues) {
            AchievedLevel meaning = meanings.get(value);
            if (meaning == null) {
                // FAS adds keys without protocol changes: a level URN the table lacks still gives its level.
                Optional<AssuranceLevel> level = fas ? levelOf(value) : Optional.empty();
                if (level.isPresent() && (unnamed == null || level.get().compareTo(unnamed) > 0)) {
                    unnamed = level.get();
                }
                unknownWord |= METHOD_WORD.matcher(value).matches() && !RFC_8176.contains(value);
                continue;
            }
            if (meaning.key().isPresent()) {
                namedKey = meaning.key();
            }
            if (best == null || meaning.level().compareTo(best.level()) > 0) {
                best = meaning;
            }
        }
        if (best == null && unnamed == null) {
            // Shown so that an operator can map it (cleaned: an IdP's value is untrusted text).
            LOG.warn("no level value the vocabulary knows in the response; values received: {}",
                    responseValues.stream().map(TableLevelVocabulary::shown).toList());
            throw new AuthenticationException(ErrorCode.UNKNOWN_LEVEL,
                    "none of the " + responseValues.size() + " level values in the response is known");
        }
        if (best == null || unnamed != null && unnamed.compareTo(best.level()) > 0) {
            return new AchievedLevel(unnamed, Optional.of(DigitalKey.UNNAMED));
        }
        // A named key only counts when it agrees with the level achieved.
        if (namedKey.isPresent() && namedKey.get().level() == best.level()) {
            return new AchievedLevel(best.level(), namedKey);
        }
        if (best.key().isEmpty() && (unknownWord || unnamed == best.level())) {
            // A level beside a method word the table does not know: a key fedauth does not name, never a guess.
            return new AchievedLevel(best.level(), Optional.of(DigitalKey.UNNAMED));
        }
        return new AchievedLevel(best.level(), best.key());
    }

    /**
     * The level of a FAS level URN the table does not list ({@code urn:be:fedict:iam:fas:[...:]LevelNNN}):
     * the highest level of the scale not above NNN; empty below 100 or for any other value.
     */
    static Optional<AssuranceLevel> levelOf(String value) {
        java.util.regex.Matcher m = FAS_LEVEL.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        AssuranceLevel found = null;
        for (AssuranceLevel level : AssuranceLevel.values()) {
            if (level.value() <= n) {
                found = level;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A response value fit for a log line: printable ASCII only, at most 100 characters. */
    static String shown(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    @Override
    public String toString() {
        return "LevelVocabulary" + meanings.keySet() + (unstated.isEmpty() ? "" : " unstated " + unstated) + defaultLevel.map(l -> " default " + l.value()).orElse("");
    }

    /** The builder behind {@link LevelVocabulary#builder()}. */
    public static final class TableBuilder implements LevelVocabulary.Builder {
        private final Map<String, AchievedLevel> meanings = new LinkedHashMap<>();
        private final Map<AssuranceLevel, String> levelRequests = new LinkedHashMap<>();
        private final Map<DigitalKey, String> keyRequests = new LinkedHashMap<>();
        private Optional<AssuranceLevel> defaultLevel = Optional.empty();
        private final Set<String> unstated = new java.util.LinkedHashSet<>();

        @Override
        public Builder defaultLevel(AssuranceLevel level) {
            defaultLevel = Optional.of(Objects.requireNonNull(level, "level"));
            return this;
        }

        @Override
        public Builder level(String value, AssuranceLevel level) {
            alias(value, level);
            levelRequests.putIfAbsent(level, value);
            return this;
        }

        @Override
        public Builder key(String value, DigitalKey key) {
            put(value, new AchievedLevel(key.level(), Optional.of(key)));
            keyRequests.putIfAbsent(key, value);
            return this;
        }

        @Override
        public Builder alias(String value, AssuranceLevel level) {
            put(value, new AchievedLevel(level, Optional.empty()));
            return this;
        }

        @Override
        public Builder unstated(String value) {
            Objects.requireNonNull(value, "value");
            if (value.isBlank() || meanings.containsKey(value) || !unstated.add(value)) {
                throw new ConfigurationException("the level value '" + shown(value) + "' is blank or defined twice");
            }
            return this;
        }

        @Override
        public Builder mapping(String mapping) {
            for (MappingParser.LevelItem item : MappingParser.levels(mapping)) {
                // The operator's word wins over a preset's for the same value: forget what it meant before.
                meanings.remove(item.value());
                unstated.remove(item.value());
                levelRequests.values().removeIf(item.value()::equals);
                keyRequests.values().removeIf(item.value()::equals);
                if (item.key().isPresent()) {
                    key(item.value(), item.key().get());
                } else {
                    level(item.value(), item.level());
                }
            }
            return this;
        }

        private void put(String value, AchievedLevel meaning) {
            Objects.requireNonNull(value, "value");
            if (value.isBlank()) {
                throw new ConfigurationException("a level value is blank");
            }
            if (unstated.contains(value) || meanings.putIfAbsent(value, meaning) != null) {
                throw new ConfigurationException("the level value '" + shown(value) + "' is defined twice");
            }
        }

        @Override
        public LevelVocabulary build() {
            if (meanings.isEmpty() && defaultLevel.isEmpty()) {
                throw new ConfigurationException("a level vocabulary needs at least one value or a default level");
            }
            return new TableLevelVocabulary(this);
        }
    }
}
