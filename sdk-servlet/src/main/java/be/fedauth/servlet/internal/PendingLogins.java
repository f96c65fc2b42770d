package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.spi.PendingLoginStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a pending login into the value the browser carries, and back: either the sealed pending
 * login itself, or the handle of a store entry (the store takes it out atomically). A copy of a sealed
 * value stays valid until it expires; the provider's {@link be.fedauth.core.LoginChecks} use its
 * state once, so a login finishes once either way.
 */
public final class PendingLogins {
    private final Optional<PendingLoginSealer> sealer;
    private final Optional<PendingLoginStore> store;
    /** Exactly one of {@code sealer} and {@code store} is present. */
    public PendingLogins(Optional<PendingLoginSealer> sealer, Optional<PendingLoginStore> store) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.store = Objects.requireNonNull(store, "store");
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
     * is only opened (its provider uses its state once, after the callback passed every check).
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
}
