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
    public String toString() {
        return "FasVocabulary[" + table + "]";
    }
}
