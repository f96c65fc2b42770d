package be.fedauth.redis.internal;

import java.time.Duration;
import java.time.Instant;

/** The time-to-live of a key, from the injected clock's now to the value's own expiry. */
public final class Expiry {
    /**
     * The shortest time-to-live: a value at the edge of its validity is still kept briefly, so that
     * two nodes presenting it at once still collide.
     */
    public static final Duration MIN_TTL = Duration.ofSeconds(1);

    private Expiry() {
    }

    /** Milliseconds from {@code now} to {@code expiresAt}, rounded up, at least {@link #MIN_TTL}. */
    public static long ttlMillis(Instant now, Instant expiresAt) {
        Duration left = Duration.between(now, expiresAt);
        Duration ttl = left.compareTo(MIN_TTL) < 0 ? MIN_TTL : left;
        // Rounded up so that the key never goes before the value expires.
        return ttl.toMillis() + (ttl.toNanosPart() % 1_000_000 == 0 ? 0 : 1);
    }
}
