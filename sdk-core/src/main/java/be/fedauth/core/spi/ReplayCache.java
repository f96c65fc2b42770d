package be.fedauth.core.spi;

import be.fedauth.core.internal.InMemoryReplayCache;
import java.time.Clock;
import java.time.Instant;

/**
 * Remembers the ids of assertions, tokens and codes already used, until they would expire anyway, so
 * that a second use is refused. Implementations are thread-safe and atomic: of several concurrent
 * calls with one id, exactly one succeeds.
 */
public interface ReplayCache {

    /**
     * Records {@code id} as used until {@code expiresAt}. Callers pass the instant after which the
     * token or assertion would be refused anyway <em>including</em> the clock skew they allow (for
     * example {@code exp + skew}), so that the id is remembered as long as it could be accepted.
     *
     * @throws be.fedauth.core.AuthenticationException {@link be.fedauth.core.ErrorCode#REPLAY_DETECTED}
     *     when the id was already used and has not expired
     * @throws be.fedauth.core.IdpUnavailableException {@link be.fedauth.core.ErrorCode#STORE_UNAVAILABLE}
     *     when the cache cannot be reached (fail closed)
     */
    void markUsed(String namespace, String id, Instant expiresAt);

    /**
     * A cache for one node: at most {@code maxEntries} live entries; when full, new ids are refused
     * with {@code store_unavailable} rather than forgetting live ones (which would allow a replay).
     */
    static ReplayCache inMemory(Clock clock, int maxEntries) {
        return new InMemoryReplayCache(clock, maxEntries);
    }
}
