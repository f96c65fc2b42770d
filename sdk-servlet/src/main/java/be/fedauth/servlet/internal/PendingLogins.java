package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.ReplayCache;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a pending login into the value the browser carries, and back, exactly once: either the
 * sealed pending login itself (its {@code state} is then marked used in the replay cache once the
 * provider accepted the callback, since a copy of a sealed value stays valid until it expires), or
 * the handle of a store entry (the store takes it out atomically).
 */
public final class PendingLogins {
    /** Namespace of the replay cache entries of sealed pending logins. */
    static final String REPLAY_NAMESPACE = "fedauth-servlet-pending-login";

    private final Optional<PendingLoginSealer> sealer;
    private final Optional<PendingLoginStore> store;
    private final ReplayCache replayCache;

    /** Exactly one of {@code sealer} and {@code store} is present. */
    public PendingLogins(Optional<PendingLoginSealer> sealer, Optional<PendingLoginStore> store, ReplayCache replayCache) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.store = Objects.requireNonNull(store, "store");
        this.replayCache = Objects.requireNonNull(replayCache, "replayCache");
        if (sealer.isPresent() == store.isPresent()) {
            throw new IllegalArgumentException("one of sealer and store");
        }
    }

    /** The value for the browser: URL- and cookie-safe. */
    public String keep(PendingLogin pending) {
        if (sealer.isPresent()) {
            return sealer.get().seal(pending);
        }
        return store.orElseThrow().put(pending);
    }

    /**
     * The pending login a value carries. A stored one is taken out of the store (once); a sealed one
     * is only opened: it is marked used by {@link #settle} once its provider has accepted the
     * callback, so that callbacks the provider refuses leave nothing in the bounded replay cache
     * (otherwise anyone could start logins and send junk callbacks until the cache, full, refuses
     * every login with {@code store_unavailable}).
     *
     * @throws AuthenticationException {@code pending_login_invalid}, {@code pending_login_unknown_key},
     *     {@code pending_login_expired} (sealed), {@code pending_login_not_found} (store)
     * @throws be.fedauth.core.IdpUnavailableException {@code store_unavailable}
     */
    public PendingLogin take(String value) {
        if (sealer.isPresent()) {
            return sealer.get().open(value);
        }
        if (value.isEmpty() || value.length() > 256) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_NOT_FOUND, "no pending login for this handle");
        }
        return store.orElseThrow().take(value);
    }

    /**
     * Marks a sealed pending login used, after its provider accepted the callback and before the user
     * is logged in: a copy of a sealed value stays valid until it expires, so of several callbacks
     * with one value only the first that the provider accepts logs a user in. Nothing to do for a
     * stored one, which {@link #take} already removed.
     *
     * @throws AuthenticationException {@code replay_detected} when the value was already used
     * @throws be.fedauth.core.IdpUnavailableException {@code store_unavailable}
     */
    public void settle(PendingLogin pending) {
        if (sealer.isPresent()) {
            replayCache.markUsed(REPLAY_NAMESPACE, pending.state(), pending.expiresAt());
        }
    }
}
