package be.fedauth.redis;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.redis.internal.Expiry;
import be.fedauth.redis.internal.RedisGateway;
import be.fedauth.redis.internal.RedisKeys;
import be.fedauth.redis.internal.StoreAudit;
import be.fedauth.redis.internal.StoreCounters;
import be.fedauth.redis.internal.StoreUnreachableException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link PendingLoginStore} shared by every node through Redis, so that a login started on one node
 * can finish on another. Thread-safe. Obtained from {@link RedisStores#pendingLoginStore}.
 *
 * <p>What is stored: the pending login sealed with the application's {@link PendingLoginSealer}
 * (AES-256-GCM), so that Redis holds no readable state, nonce or PKCE verifier and a changed value
 * is refused; under the SHA-256 digest of a random handle from {@link RandomValues}; with an expiry
 * equal to the pending login's own ({@code SET NX PX}).
 *
 * <p>What is verified on {@link #take}: the handle's form, that the key exists, and then everything
 * {@link PendingLoginSealer#open} verifies (tag, key id, expiry). The key is removed in the same
 * atomic command that reads it ({@code GETDEL}, or a script on Redis older than 6.2), so a pending
 * login is taken at most once across all nodes.
 *
 * <p>Fails closed with {@code store_unavailable} when Redis cannot be reached in time; nothing is
 * written in part, since every call is one command.
 */
public final class RedisPendingLoginStore implements PendingLoginStore {
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_-]{16,256}");
    private static final int HANDLE_ATTEMPTS = 3;

    private final RedisGateway gateway;
    private final RedisKeys keys;
    private final PendingLoginSealer sealer;
    private final RandomValues random;
    private final Clock clock;
    private final StoreAudit audit;
    private final StoreCounters counters = new StoreCounters();

    RedisPendingLoginStore(RedisGateway gateway, RedisKeys keys, PendingLoginSealer sealer, RandomValues random,
                           Clock clock, StoreAudit audit) {
        this.gateway = gateway;
        this.keys = keys;
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Seals and stores a pending login until it expires.
     *
     * @return the handle to give the browser: a value of {@link RandomValues}
     * @throws IdpUnavailableException {@code store_unavailable} when Redis cannot be reached in time
     * @throws IllegalStateException when the random values repeat (a broken {@link RandomValues})
     */
    @Override
    public String put(PendingLogin pending) {
        Objects.requireNonNull(pending, "pending");
        String sealed = sealer.seal(pending);
        long ttl = Expiry.ttlMillis(clock.instant(), pending.expiresAt());
        for (int attempt = 0; attempt < HANDLE_ATTEMPTS; attempt++) {
            String handle = random.next();
            if (!HANDLE.matcher(handle).matches()) {
                throw new IllegalStateException("RandomValues gave a handle that is not 16 to 256 base64url characters");
            }
            boolean stored;
            try {
                stored = gateway.setIfAbsent(keys.pending(handle), sealed, ttl);
            } catch (StoreUnreachableException e) {
                throw unavailable("put", e);
            }
            if (stored) {
                return handle;
            }
        }
        throw new IllegalStateException("RandomValues gave " + HANDLE_ATTEMPTS + " handles already in use");
    }

    /**
     * Removes and returns the pending login of a handle, atomically.
     *
     * @throws AuthenticationException {@code pending_login_not_found} when the handle is malformed,
     *     unknown, already taken or expired; {@code pending_login_invalid} when the stored value was
     *     changed; {@code pending_login_unknown_key} when it was sealed with a key no longer configured
     * @throws IdpUnavailableException {@code store_unavailable} when Redis cannot be reached in time
     */
    @Override
    public PendingLogin take(String handle) {
        Objects.requireNonNull(handle, "handle");
        if (!HANDLE.matcher(handle).matches()) {
            counters.miss();
            throw notFound(null);
        }
        Optional<String> sealed;
        try {
            sealed = gateway.getAndDelete(keys.pending(handle));
        } catch (StoreUnreachableException e) {
            throw unavailable("take", e);
        }
        if (sealed.isEmpty()) {
            counters.miss();
            throw notFound(null);
        }
        PendingLogin pending;
        try {
            pending = sealer.open(sealed.get());
        } catch (AuthenticationException e) {
            counters.miss();
            throw e.code() == ErrorCode.PENDING_LOGIN_EXPIRED ? notFound(e) : e;
        }
        // The sealer reads its own clock; the store's clock decides too, so both must agree it is live.
        if (pending.isExpired(clock.instant())) {
            counters.miss();
            throw notFound(null);
        }
        counters.hit();
        return pending;
    }

    private IdpUnavailableException unavailable(String operation, StoreUnreachableException e) {
        counters.failure();
        audit.failure(operation, e);
        return new IdpUnavailableException(ErrorCode.STORE_UNAVAILABLE,
                "the pending login store on Redis cannot be reached", e);
    }

    private static AuthenticationException notFound(Throwable cause) {
        String message = "no pending login for this handle (unknown, already used or expired)";
        return cause == null ? new AuthenticationException(ErrorCode.PENDING_LOGIN_NOT_FOUND, message)
                : new AuthenticationException(ErrorCode.PENDING_LOGIN_NOT_FOUND, message, cause);
    }

    /** The counters: hits are logins taken, misses handles not found, failures calls Redis did not answer. */
    public StoreMetrics metrics() {
        return new StoreMetrics(counters.hits(), counters.misses(), counters.failures());
    }

    @Override
    public String toString() {
        return "RedisPendingLoginStore[prefix=" + keys.prefix() + ", sealer=" + sealer + "]";
    }
}
