package be.fedauth.saml.internal;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
 * is refused (rollback); while one thread refreshes, others keep using the last good copy. Thread-safe.
 */
public final class MetadataCache {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataCache.class);

    private final MetadataFetcher fetcher;
    private final String entityId;
    private final List<BasicX509Credential> signers;
    private final Duration refreshInterval;
    private final Duration retryInterval;
    private final Clock clock;
    private final MetadataReader reader = new MetadataReader();
    private final ReentrantLock lock = new ReentrantLock();
    /** How long a copy without validUntil stays usable after its last successful load. */
    static final Duration MAX_STALE = Duration.ofDays(7);
    /** The shortest refresh a cacheDuration can ask for, so that a tiny one does not hammer the host. */
    private static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    private volatile IdpDescriptor current;
    private volatile Instant loadedAt = Instant.MIN;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile Exception lastFailure;

    /** A cache; nothing is fetched until first use. */
    public MetadataCache(MetadataFetcher fetcher, String entityId, List<BasicX509Credential> signers,
                         Duration refreshInterval, Duration retryInterval, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        this.signers = List.copyOf(signers);
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        this.retryInterval = Objects.requireNonNull(retryInterval, "retryInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The metadata to use now, refreshed first when due.
     *
     * @throws IdpUnavailableException {@code idp_unavailable} when there is no usable copy
     */
    public IdpDescriptor current() {
        Instant now = clock.instant();
        IdpDescriptor known = current;
        if (known != null && now.isBefore(nextAttempt)) {
            return usable(known, now);
        }
        if (known != null) {
            if (lock.tryLock()) {
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
        lock.lock();
        try {
            // Without a copy, fetch at most once per retry interval: an unreachable IdP is not hammered
            // and logins fail fast meanwhile.
            if (current == null && !now.isBefore(nextAttempt)) {
                load(now);
            }
        } finally {
            lock.unlock();
        }
        if (current == null) {
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE,
                    "the metadata of " + entityId + " cannot be loaded from " + fetcher.describe(), lastFailure);
        }
        return usable(current, now);
    }

    /** Loads now, whatever the schedule; keeps the last good copy on failure. Returns whether it succeeded. */
    public boolean refreshNow() {
        lock.lock();
        try {
            return load(clock.instant());
        } finally {
            lock.unlock();
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
        } catch (IOException | FedAuthException e) {
            lastFailure = e;
            nextAttempt = now.plus(retryInterval);
            LOG.warn("refreshing the metadata of {} from {} failed ({}); {}", entityId, fetcher.describe(),
                    e.getMessage(), current == null ? "no copy yet" : "keeping the last good copy");
            return false;
        }
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
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE,
                    "the last good metadata of " + entityId + " expired and could not be refreshed", lastFailure);
        }
        return descriptor;
    }
}
