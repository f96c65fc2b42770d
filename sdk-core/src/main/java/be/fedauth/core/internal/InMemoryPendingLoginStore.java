package be.fedauth.core.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PendingLoginStore} for one node. Thread-safe. */
public final class InMemoryPendingLoginStore implements PendingLoginStore {
    private final Clock clock;
    private final RandomValues random;
    private final int maxEntries;
    private final ConcurrentHashMap<String, PendingLogin> entries = new ConcurrentHashMap<>();

    /** A store with at most {@code maxEntries} pending logins. */
    public InMemoryPendingLoginStore(Clock clock, RandomValues random, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public String put(PendingLogin pending) {
        Objects.requireNonNull(pending, "pending");
        Instant now = clock.instant();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(p -> p.isExpired(now));
            if (entries.size() >= maxEntries) {
                throw new IdpUnavailableException(ErrorCode.STORE_UNAVAILABLE,
                        "pending login store full (" + maxEntries + " entries)");
            }
        }
        String handle = random.next();
        entries.put(handle, pending);
        return handle;
    }

    @Override
    public PendingLogin take(String handle) {
        Objects.requireNonNull(handle, "handle");
        PendingLogin pending = entries.remove(handle);
        if (pending == null || pending.isExpired(clock.instant())) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_NOT_FOUND,
                    "no pending login for this handle (unknown, already used or expired)");
        }
        return pending;
    }
}
