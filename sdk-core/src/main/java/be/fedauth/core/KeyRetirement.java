package be.fedauth.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A digital key that stops being accepted at an instant: it is no longer offered, and a login that
 * completes with it from then on fails with {@link ErrorCode#KEY_RETIRED}.
 *
 * @param key the key
 * @param retiredAt the first instant it is refused
 */
public record KeyRetirement(DigitalKey key, Instant retiredAt) {

    /**
     * The paper token of 24 codes, removed as a login key on 31/01/2024 (from the start of that day,
     * Brussels), as {@link Timeline#standard()} gives it.
     */
    public static final KeyRetirement TOKEN = new KeyRetirement(DigitalKey.PASSWORD_TOKEN,
            Timeline.standard().retiredAt(DigitalKey.PASSWORD_TOKEN)
                    .orElseThrow(() -> new ConfigurationException("the shipped timeline does not retire the token")));

    /** Validates. */
    public KeyRetirement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }

    /** Whether the key is refused at {@code now}. */
    public boolean isRetiredAt(Instant now) {
        return !now.isBefore(retiredAt);
    }
}
