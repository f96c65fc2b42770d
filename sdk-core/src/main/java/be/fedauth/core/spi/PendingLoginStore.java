package be.fedauth.core.spi;

import be.fedauth.core.PendingLogin;
import be.fedauth.core.internal.InMemoryPendingLoginStore;
import java.time.Clock;

/**
 * Keeps pending logins on the server, under a random handle that the browser carries instead of the
 * sealed pending login. Each pending login is taken at most once. Thread-safe.
 */
public interface PendingLoginStore {

    /**
     * Stores a pending login until it expires, and returns the handle to give the browser.
     *
     * @throws be.fedauth.core.IdpUnavailableException {@code store_unavailable} when the store cannot be reached
     */
    String put(PendingLogin pending);

    /**
     * Removes and returns the pending login of a handle, atomically.
     *
     * @throws be.fedauth.core.AuthenticationException {@code pending_login_not_found} when unknown,
     *     already taken or expired
     * @throws be.fedauth.core.IdpUnavailableException {@code store_unavailable} when the store cannot be reached
     */
    PendingLogin take(String handle);

    /** A store for one node, with at most {@code maxEntries} pending logins. */
    static PendingLoginStore inMemory(Clock clock, RandomValues random, int maxEntries) {
        return new InMemoryPendingLoginStore(clock, random, maxEntries);
    }
}
