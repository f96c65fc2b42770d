package be.fedauth.redis;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.spi.ReplayCache;
import be.fedauth.redis.internal.Expiry;
import be.fedauth.redis.internal.RedisGateway;
import be.fedauth.redis.internal.RedisKeys;
import be.fedauth.redis.internal.StoreAudit;
import be.fedauth.redis.internal.StoreCounters;
import be.fedauth.redis.internal.StoreUnreachableException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link ReplayCache} shared by every node through Redis. Thread-safe. Obtained from
 * {@link RedisStores#replayCache()}.
 *
 * <p>An id is recorded with one {@code SET key 1 NX PX ttl}: Redis runs commands one at a time, so of
 * several nodes presenting the same id at once exactly one sets the key and the others are refused
 * with {@code replay_detected}. The key expires when the assertion or token would be refused
 * anyway ({@code expiresAt}, read against the injected clock), and lives at least one second so that
 * ids presented at the edge of their validity still collide. Ids are stored as SHA-256 digests.
 *
 * <p>Fails closed: when Redis cannot be reached in time the call fails with
 * {@code store_unavailable} and the login is refused. If Redis did apply a command whose answer was
 * lost, the id stays marked: a retry is refused as a replay, never accepted twice.
 */
public final class RedisReplayCache implements ReplayCache {

    private final RedisGateway gateway;
    private final RedisKeys keys;
    private final Clock clock;
    private final StoreAudit audit;
    private final StoreCounters counters = new StoreCounters();

    RedisReplayCache(RedisGateway gateway, RedisKeys keys, Clock clock, StoreAudit audit) {
        this.gateway = gateway;
        this.keys = keys;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Records {@code id} of {@code namespace} as used until {@code expiresAt}.
     *
     * @throws AuthenticationException {@code replay_detected} when it was used before and has not expired
     * @throws IdpUnavailableException {@code store_unavailable} when Redis cannot be reached in time
     */
    @Override
    public void markUsed(String namespace, String id, Instant expiresAt) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        long ttl = Expiry.ttlMillis(clock.instant(), expiresAt);
        boolean first;
        try {
            first = gateway.setIfAbsent(keys.replay(namespace, id), "1", ttl);
        } catch (StoreUnreachableException e) {
            counters.failure();
            audit.failure("mark_used", e);
            throw new IdpUnavailableException(ErrorCode.STORE_UNAVAILABLE,
                    "the replay cache on Redis cannot be reached", e);
        }
        if (!first) {
            counters.hit();
            audit.replay(namespace);
            throw new AuthenticationException(ErrorCode.REPLAY_DETECTED, "this " + namespace + " was already used");
        }
        counters.miss();
    }

    /**
     * Whether {@code id} of {@code namespace} is recorded and not expired ({@code EXISTS}): lets a login
     * be refused before anything is redeemed for a used state. {@link #markUsed} stays the atomic decision.
     *
     * @throws IdpUnavailableException {@code store_unavailable} when Redis cannot be reached in time
     */
    @Override
    public boolean isUsed(String namespace, String id) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        try {
            return gateway.exists(keys.replay(namespace, id));
        } catch (StoreUnreachableException e) {
            counters.failure();
            audit.failure("is_used", e);
            throw new IdpUnavailableException(ErrorCode.STORE_UNAVAILABLE,
                    "the replay cache on Redis cannot be reached", e);
        }
    }

    /** The counters: hits are replays refused, misses ids recorded, failures calls Redis did not answer. */
    public StoreMetrics metrics() {
        return new StoreMetrics(counters.hits(), counters.misses(), counters.failures());
    }

    @Override
    public String toString() {
        return "RedisReplayCache[prefix=" + keys.prefix() + "]";
    }
}
