package be.fedauth.saml.internal;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.opensaml.security.x509.BasicX509Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the last good copy of an identity provider's metadata and refreshes it when due, on the
 * caller's thread and by the injected clock (no timer thread, so tests need no sleeps). A failed
 * refresh keeps the last good copy until its {@code validUntil} (or 7 days after its last load when it
 * has none) and is retried after the retry interval; a refresh is due after the refresh interval or the
 * metadata's shorter {@code cacheDuration}; a copy whose {@code validUntil} is earlier than the one in use
 * is refused (rollback).
 *
 * <p>No caller waits on a slow identity provider longer than the lock timeout (the fetch timeout): while
 * one caller refreshes, the others are served the last good copy at once, without the lock; without a
 * copy yet, they wait for the one first load at most the lock timeout, then fail with
 * {@code idp_unavailable}. A failure is remembered until the retry interval passes (logins fail fast
 * meanwhile, the host is not hammered). Metadata refused as a configuration error (unsigned although a
 * signer is configured) fails with {@code invalid_configuration}. Thread-safe.
 */
public final class MetadataCache {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataCache.class);

    private final MetadataFetcher fetcher;
    private final String entityId;
    private final List<BasicX509Credential> signers;
    private final Duration refreshInterval;
    private final Duration retryInterval;
    private final Duration lockTimeout;
    private final Clock clock;
    private final MetadataReader reader = new MetadataReader();
    /** Held by the one caller that loads; readers of a copy never take it. */
    private final ReentrantLock lock = new ReentrantLock();
    /** How long a copy without validUntil stays usable after its last successful load. */
    static final Duration MAX_STALE = Duration.ofDays(7);
    /** The shortest refresh a cacheDuration can ask for, so that a tiny one does not hammer the host. */
    private static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    private volatile IdpDescriptor current;
    private volatile Instant loadedAt = Instant.MIN;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile Exception lastFailure;

    /**
     * A cache; nothing is fetched until first use.
     *
     * @param lockTimeout the longest a caller waits for another caller's first load
     */
    public MetadataCache(MetadataFetcher fetcher, String entityId, List<BasicX509Credential> signers,
                         Duration refreshInterval, Duration retryInterval, Duration lockTimeout, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        this.signers = List.copyOf(signers);
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        this.retryInterval = Objects.requireNonNull(retryInterval, "retryInterval");
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The metadata to use now, refreshed first when due.
     *
     * @throws IdpUnavailableException {@code idp_unavailable} when there is no usable copy
     * @throws ConfigurationException {@code invalid_configuration} when the metadata was refused as a
     *     configuration error and there is no usable copy
     */
    public IdpDescriptor current() {
        Instant now = clock.instant();
        IdpDescriptor known = current;
        if (known != null) {
            // One refresh at a time, by whoever finds it due first; everyone else (and every caller while
            // it runs) gets the last good copy without waiting.
            if (!now.isBefore(nextAttempt) && lock.tryLock()) {
                try {
                    if (!now.isBefore(nextAttempt)) {
                        load(now);
                    }
                } finally {
                    lock.unlock();
                }
            }
            return usable(current, now);
        }
        if (!now.isBefore(nextAttempt)) {
            if (!lockWithin(lockTimeout)) {
                throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the metadata of " + entityId
                        + " is still being loaded from " + fetcher.describe() + " after " + lockTimeout);
            }
            try {
                // Without a copy, fetch at most once per retry interval: callers that waited for a load that
                // failed fail at once instead of fetching again.
                if (current == null && !now.isBefore(nextAttempt)) {
                    load(now);
                }
            } finally {
                lock.unlock();
            }
        }
        if (current == null) {
            throw failure("cannot be loaded from " + fetcher.describe());
        }
        return usable(current, now);
    }

    /**
     * Loads now, whatever the schedule; keeps the last good copy on failure. Waits at most the lock
     * timeout for a load already running.
     *
     * @return whether it succeeded
     */
    public boolean refreshNow() {
        if (!lockWithin(lockTimeout)) {
            return false;
        }
        try {
            return load(clock.instant());
        } finally {
            lock.unlock();
        }
    }

    private boolean lockWithin(Duration timeout) {
        try {
            return lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean load(Instant now) {
        try {
            byte[] xml = fetcher.fetch();
            IdpDescriptor loaded = reader.read(xml, entityId, signers, now);
            refuseRollback(loaded);
            current = loaded;
            loadedAt = now;
            Duration interval = loaded.cacheDuration()
                    .map(d -> d.compareTo(refreshInterval) < 0 ? d : refreshInterval)
                    .map(d -> d.compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : d).orElse(refreshInterval);
            nextAttempt = now.plus(interval);
            lastFailure = null;
            LOG.debug("loaded the metadata of {} from {}", entityId, fetcher.describe());
            return true;
        } catch (IOException | RuntimeException e) {
            // A RuntimeException other than FedAuthException is a reader bug or garbage the reader did not
            // expect: a failed load like any other, remembered until the retry interval.
            lastFailure = e;
            nextAttempt = now.plus(retryInterval);
            String keeping = current == null ? "no copy yet" : "keeping the last good copy";
            if (e instanceof ConfigurationException) {
                // Retrying does not help: the operator must fix the metadata or the configured signer.
                LOG.error("the metadata of {} from {} is refused as a configuration error: {}; {}", entityId,
                        fetcher.describe(), reason(e), keeping);
            } else {
                LOG.warn("refreshing the metadata of {} from {} failed: {}; {}", entityId, fetcher.describe(),
                        reason(e), keeping);
            }
            return false;
        }
    }

    /**
     * Why something failed, for the log: the messages along the cause chain, a cause without message
     * shown by its class (a refused connection has none), each cleaned of control characters.
     */
    static String reason(Throwable error) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        int depth = 0;
        for (Throwable t = error; t != null && depth < 5; t = t.getCause(), depth++) {
            String message = t.getMessage();
            String part = message == null || message.isBlank() ? t.getClass().getName() : message;
            if (previous != null && previous.contains(part)) {
                continue;
            }
            if (out.length() > 0) {
                out.append(": ");
            }
            out.append(message == null || message.isBlank() ? part : Shown.value(part));
            previous = t.toString();
        }
        return out.toString();
    }

    private FedAuthException failure(String what) {
        Exception last = lastFailure;
        if (last instanceof ConfigurationException) {
            return new ConfigurationException("the metadata of " + entityId + " " + what + ": " + last.getMessage(), last);
        }
        return new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the metadata of " + entityId + " " + what, last);
    }

    /**
     * Refuses a copy that is valid for less long than the one in use: an older signed copy, served again
     * (by an attacker in the path, or a stale mirror), would bring back keys the IdP has since retired.
     */
    private void refuseRollback(IdpDescriptor loaded) {
        IdpDescriptor known = current;
        if (known == null || known.validUntil().isEmpty()) {
            return;
        }
        if (loaded.validUntil().isEmpty() || loaded.validUntil().get().isBefore(known.validUntil().get())) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the metadata of " + entityId
                    + " is older than the copy in use (its validUntil is earlier): refused as a rollback");
        }
    }

    private IdpDescriptor usable(IdpDescriptor descriptor, Instant now) {
        // Without validUntil, a copy that can no longer be refreshed is not trusted forever.
        Instant until = descriptor.validUntil().orElse(loadedAt.plus(MAX_STALE));
        if (!now.isBefore(until)) {
            throw failure("expired (its last good copy) and could not be refreshed");
        }
        return descriptor;
    }
}
