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
     * Whether {@code id} is recorded as used and not yet expired. A read, for refusing early (before
     * a protocol redeems anything for a used state); {@link #markUsed} stays the atomic decision.
     * The default answers {@code false}, which only loses the early refusal.
     *
     * @throws be.fedauth.core.IdpUnavailableException {@link be.fedauth.core.ErrorCode#STORE_UNAVAILABLE}
     *     when the cache cannot be reached (fail closed)
     */
    default boolean isUsed(String namespace, String id) {
        return false;
    }

    /**
     * A cache for one node holding at most {@code maxEntries} live entries. Each login writes one entry
     * (its state), kept until the pending login would expire, so size it as logins per second times
     * the pending-login lifetime (100,000 serves 160 logins/s with 10-minute logins). When full, the
     * live entry closest to its expiry is forgotten and a WARN is logged, rather than refusing logins.
     */
    static ReplayCache inMemory(Clock clock, int maxEntries) {
        return new InMemoryReplayCache(clock, maxEntries);
    }

    /** As {@link #inMemory(Clock, int)}, recording each eviction as a {@code replay_cache_evicted} audit event. */
    static ReplayCache inMemory(Clock clock, int maxEntries, be.fedauth.core.spi.AuditSink audit) {
        return new InMemoryReplayCache(clock, maxEntries, audit);
    }
}
