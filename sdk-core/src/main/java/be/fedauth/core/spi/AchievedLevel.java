package be.fedauth.core.spi;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider's response says was achieved: a level, and the key when the response names it.
 *
 * @param level the level achieved
 * @param key the key used, when the response says so
 */
public record AchievedLevel(AssuranceLevel level, Optional<DigitalKey> key) {
    /** Validates. */
    public AchievedLevel {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(key, "key");
    }
}
