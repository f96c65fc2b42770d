package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * At most one fetch in flight: the first caller runs it on its own thread, the others wait for its
 * outcome at most {@code maxWait} and then fail with {@code idp_unavailable}, so a slow identity
 * provider holds no more threads than one fetch. No lock is held while fetching. Thread-safe.
 */
final class SingleFlight<T> {
    private final String what;
    private final Duration maxWait;
    private CompletableFuture<T> inFlight;

    SingleFlight(String what, Duration maxWait) {
        this.what = what;
        this.maxWait = maxWait;
    }

    /** Whether a fetch is in flight now. */
    synchronized boolean busy() {
        return inFlight != null;
    }

    /**
     * The outcome of {@code fetch}, run here if no fetch is in flight, else the outcome of the one in
     * flight (its exception rethrown as a new exception of the same code, the original as cause).
     */
    T run(Supplier<T> fetch) {
        CompletableFuture<T> mine = null;
        CompletableFuture<T> theirs;
        synchronized (this) {
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                mine = inFlight;
            }
            theirs = inFlight;
        }
        if (mine != null) {
            try {
                T value = fetch.get();
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                synchronized (this) {
                    inFlight = null;
                }
            }
        }
        try {
            return theirs.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the " + what + " fetch of another login did not"
                    + " end within " + maxWait.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "interrupted while waiting for the " + what, e);
        } catch (ExecutionException e) {
            throw copy(e.getCause());
        }
    }

    /** A new exception for this thread, with the same code and message, so no instance is thrown twice. */
    static RuntimeException copy(Throwable failure) {
        if (failure instanceof IdpUnavailableException f) {
            return new IdpUnavailableException(f.code(), Reasons.bare(f), f);
        }
        if (failure instanceof AuthenticationException f) {
            return new AuthenticationException(f.code(), Reasons.bare(f), f);
        }
        if (failure instanceof ConfigurationException f) {
            return new ConfigurationException(Reasons.bare(f), f);
        }
        if (failure instanceof FedAuthException f) {
            return new FedAuthException(f.code(), Reasons.bare(f), f);
        }
        return new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the fetch failed ("
                + Reasons.of(failure) + ")", failure);
    }
}
