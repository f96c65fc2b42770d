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

/** A {@link LevelVocabulary} from a table of values. Immutable. */
public final class TableLevelVocabulary implements LevelVocabulary {
    private final Map<String, AchievedLevel> meanings;
    private final Map<AssuranceLevel, String> levelRequests;
    private final Map<DigitalKey, String> keyRequests;

    private TableLevelVocabulary(TableBuilder b) {
        this.meanings = Map.copyOf(b.meanings);
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
        if (minimum.isEmpty()) {
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
    public AchievedLevel interpret(Collection<String> responseValues) {
        AchievedLevel best = null;
        Optional<DigitalKey> namedKey = Optional.empty();
        for (String value : responseValues) {
            AchievedLevel meaning = meanings.get(value);
            if (meaning == null) {
                continue;
            }
            if (meaning.key().isPresent()) {
                namedKey = meaning.key();
            }
            if (best == null || meaning.level().compareTo(best.level()) > 0) {
                best = meaning;
            }
        }
        if (best == null) {
            throw new AuthenticationException(ErrorCode.UNKNOWN_LEVEL,
                    "none of the " + responseValues.size() + " level values in the response is known");
        }
        // A named key only counts when it agrees with the level achieved.
        if (namedKey.isPresent() && namedKey.get().level() == best.level()) {
            return new AchievedLevel(best.level(), namedKey);
        }
        return new AchievedLevel(best.level(), best.key());
    }

    @Override
    public String toString() {
        return "LevelVocabulary" + meanings.keySet();
    }

    /** The builder behind {@link LevelVocabulary#builder()}. */
    public static final class TableBuilder implements LevelVocabulary.Builder {
        private final Map<String, AchievedLevel> meanings = new LinkedHashMap<>();
        private final Map<AssuranceLevel, String> levelRequests = new LinkedHashMap<>();
        private final Map<DigitalKey, String> keyRequests = new LinkedHashMap<>();

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

        private void put(String value, AchievedLevel meaning) {
            Objects.requireNonNull(value, "value");
            if (value.isBlank()) {
                throw new ConfigurationException("a level value is blank");
            }
            if (meanings.putIfAbsent(value, meaning) != null) {
                throw new ConfigurationException("the level value '" + value + "' is defined twice");
            }
        }

        @Override
        public LevelVocabulary build() {
            if (meanings.isEmpty()) {
                throw new ConfigurationException("a level vocabulary needs at least one value");
            }
            return new TableLevelVocabulary(this);
        }
    }
}
