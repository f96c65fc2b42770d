package be.fedauth.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The digital keys that stop being accepted, each from an instant: what {@link LoginChecks} refuses
 * and what providers no longer offer. Immutable and thread-safe.
 *
 * @param retirements the retirements, at most one per key
 */
public record KeyRetirements(List<KeyRetirement> retirements) {

    /** Validates and copies. */
    public KeyRetirements {
        retirements = List.copyOf(retirements);
        Set<DigitalKey> seen = EnumSet.noneOf(DigitalKey.class);
        for (KeyRetirement r : retirements) {
            if (!seen.add(r.key())) {
                throw new ConfigurationException("the key " + r.key() + " is retired twice");
            }
        }
    }

    /**
     * The retirements FAS announced, from {@link Timeline#standard()}: the token and the CSAM login with a
     * commercial certificate, both from 31/01/2024.
     */
    public static KeyRetirements standard() {
        return Timeline.standard().retirements();
    }

    /** None: every key stays accepted. */
    public static KeyRetirements none() {
        return new KeyRetirements(List.of());
    }

    /** These retirements. */
    public static KeyRetirements of(KeyRetirement... retirements) {
        return new KeyRetirements(Arrays.asList(retirements));
    }

    /** Whether {@code key} is refused at {@code now}. */
    public boolean isRetired(DigitalKey key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        for (KeyRetirement r : retirements) {
            if (r.key() == key && r.isRetiredAt(now)) {
                return true;
            }
        }
        return false;
    }

    /** {@code keys} less those retired at {@code now}. */
    public Set<DigitalKey> offered(Set<DigitalKey> keys, Instant now) {
        Set<DigitalKey> offered = keys.isEmpty() ? EnumSet.noneOf(DigitalKey.class) : EnumSet.copyOf(keys);
        offered.removeIf(k -> isRetired(k, now));
        return Set.copyOf(offered);
    }
}
