package be.fedauth.oidc.internal;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.LevelVocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The FAS vocabulary: a core table vocabulary for reading responses, while requests by key are sent
 * as the key's level URN, because FAS's {@code acr_values} are levels, not methods (fas-reference.md).
 * Immutable.
 */
public final class FasVocabulary implements LevelVocabulary {
    private final LevelVocabulary table;
    private final java.util.function.Function<AssuranceLevel, String> levelValue;

    /** Wraps a table whose level entries give the request values. */
    public FasVocabulary(LevelVocabulary table, java.util.function.Function<AssuranceLevel, String> levelValue) {
        this.table = Objects.requireNonNull(table, "table");
        this.levelValue = Objects.requireNonNull(levelValue, "levelValue");
    }

    @Override
    public List<String> requestValues(Optional<AssuranceLevel> minimum, Set<DigitalKey> keys) {
        if (keys.isEmpty()) {
            return table.requestValues(minimum, keys);
        }
        List<String> values = new ArrayList<>();
        for (DigitalKey key : DigitalKey.values()) {
            if (keys.contains(key) && !values.contains(levelValue.apply(key.level()))) {
                values.add(levelValue.apply(key.level()));
            }
        }
        return List.copyOf(values);
    }

    @Override
    public AchievedLevel interpret(Collection<String> responseValues) {
        return table.interpret(responseValues);
    }

    @Override
    public Set<DigitalKey> namedKeys() {
        return table.namedKeys();
    }

    /** A table builder whose {@link #build()} wraps the table in a {@link FasVocabulary}. Not thread-safe. */
    public static final class Builder implements LevelVocabulary.Builder {
        private final LevelVocabulary.Builder table;
        private final java.util.function.Function<AssuranceLevel, String> levelValue;

        /** Wraps a table builder. */
        public Builder(LevelVocabulary.Builder table, java.util.function.Function<AssuranceLevel, String> levelValue) {
            this.table = Objects.requireNonNull(table, "table");
            this.levelValue = Objects.requireNonNull(levelValue, "levelValue");
        }

        @Override
        public Builder level(String value, AssuranceLevel level) {
            table.level(value, level);
            return this;
        }

        @Override
        public Builder key(String value, DigitalKey key) {
            table.key(value, key);
            return this;
        }

        @Override
        public Builder alias(String value, AssuranceLevel level) {
            table.alias(value, level);
            return this;
        }

        @Override
        public Builder defaultLevel(AssuranceLevel level) {
            table.defaultLevel(level);
            return this;
        }

        @Override
        public Builder unstated(String value) {
            table.unstated(value);
            return this;
        }

        @Override
        public Builder mapping(String mapping) {
            table.mapping(mapping);
            return this;
        }

        @Override
        public LevelVocabulary build() {
            return new FasVocabulary(table.build(), levelValue);
        }
    }

    @Override
    public String toString() {
        return "FasVocabulary[" + table + "]";
    }
}
