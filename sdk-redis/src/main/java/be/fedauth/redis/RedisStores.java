package be.fedauth.redis;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.spi.AuditSink;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.redis.internal.RedisGateway;
import be.fedauth.redis.internal.RedisKeys;
import be.fedauth.redis.internal.StoreAudit;
import be.fedauth.redis.internal.StoreUnreachableException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to Redis and the stores that share it: create one per application (per node) at
 * start-up, hand its stores to the providers, and close it at shutdown. Thread-safe.
 *
 * <pre>{@code
 * RedisStores redis = RedisStores.create(
 *         RedisSettings.builder("rediss://:secret@redis.internal:6380/0").keyPrefix("emcs").build(),
 *         Clock.systemUTC(), auditSink);
 * ReplayCache replayCache = redis.replayCache();
 * PendingLoginStore pendingLogins = redis.pendingLoginStore(sealer, RandomValues.secure());
 * }</pre>
 *
 * <p>Creating does not connect: the first command does, so an application starts even while Redis
 * is down (its logins then fail with {@code store_unavailable}). Call {@link #ping()} for a health
 * or readiness check.
 */
public final class RedisStores implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStores.class);

    private final RedisSettings settings;
    private final RedisGateway gateway;
    private final RedisKeys keys;
    private final Clock clock;
    private final AuditSink audit;
    private final RedisReplayCache replayCache;

    private RedisStores(RedisSettings settings, Clock clock, AuditSink audit) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        if (settings.unencryptedAllowed() && !settings.tls()) {
            LOG.warn("Redis connection to {} is unencrypted, as allowed by allowUnencryptedConnection()",
                    settings.host());
        }
        this.keys = new RedisKeys(settings.keyPrefix());
        this.gateway = new RedisGateway(settings.uri(), settings.commandTimeout(), settings.connectTimeout(),
                settings.trustedCertificates());
        this.replayCache = new RedisReplayCache(gateway, keys, clock,
                new StoreAudit(audit, clock, "replay_cache", keys.prefix()));
    }

    /** Stores on Redis that send their events to {@code audit}; every expiry is read from {@code clock}. */
    public static RedisStores create(RedisSettings settings, Clock clock, AuditSink audit) {
        return new RedisStores(settings, clock, audit);
    }

    /** Stores on Redis without audit events. */
    public static RedisStores create(RedisSettings settings, Clock clock) {
        return create(settings, clock, AuditSink.NONE);
    }

    /** The replay cache (one per instance, shared by every provider of this application). */
    public RedisReplayCache replayCache() {
        return replayCache;
    }

    /**
     * A pending login store that seals with {@code sealer} and draws handles from {@code random}.
     * Every node of the application must be given sealers that can open each other's values (the
     * same keys).
     */
    public RedisPendingLoginStore pendingLoginStore(PendingLoginSealer sealer, RandomValues random) {
        return new RedisPendingLoginStore(gateway, keys, sealer, random, clock,
                new StoreAudit(audit, clock, "pending_logins", keys.prefix()));
    }

    /**
     * Checks that Redis answers, connecting if needed.
     *
     * @throws IdpUnavailableException {@code store_unavailable} when it does not answer in time
     */
    public void ping() {
        try {
            gateway.ping();
        } catch (StoreUnreachableException e) {
            throw new IdpUnavailableException(ErrorCode.STORE_UNAVAILABLE, "Redis does not answer", e);
        }
    }

    /** The settings. */
    public RedisSettings settings() {
        return settings;
    }

    /** Closes the connection; the stores then fail with {@code store_unavailable}. */
    @Override
    public void close() {
        gateway.close();
    }

    @Override
    public String toString() {
        return "RedisStores[" + settings + "]";
    }
}
