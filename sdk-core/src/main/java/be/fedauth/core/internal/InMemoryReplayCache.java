package be.fedauth.core.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.AuditEvent;
import be.fedauth.core.spi.AuditSink;
import be.fedauth.core.spi.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded {@link ReplayCache} for one node. When full, expired entries go first; if none has
 * expired, the live entry closest to its expiry is forgotten (logged at WARN, counted, and audited as
 * {@code replay_cache_evicted}) rather than refusing every new login: a full cache must never lock
 * out users who authenticated. Thread-safe (one lock; calls are short).
 */
public final class InMemoryReplayCache implements ReplayCache {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryReplayCache.class);

    private final Clock clock;
    private final int maxEntries;
    private final AuditSink audit;
    private final Map<String, Instant> entries = new HashMap<>();
    private final PriorityQueue<Map.Entry<String, Instant>> byExpiry =
            new PriorityQueue<>(Map.Entry.comparingByValue());
    private long evictions;

    /** A cache holding at most {@code maxEntries} live ids, auditing nothing. */
    public InMemoryReplayCache(Clock clock, int maxEntries) {
        this(clock, maxEntries, AuditSink.NONE);
    }

    /** A cache holding at most {@code maxEntries} live ids, auditing evictions to {@code audit}. */
    public InMemoryReplayCache(Clock clock, int maxEntries, AuditSink audit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public void markUsed(String namespace, String id, Instant expiresAt) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        String key = key(namespace, id);
        Instant now = clock.instant();
        long evicted;
        synchronized (this) {
            evictExpired(now);
            if (entries.containsKey(key)) {
                throw new AuthenticationException(ErrorCode.REPLAY_DETECTED, "this " + namespace + " was already used");
            }
            if (!expiresAt.isAfter(now)) {
                return; // Already expired: validation refuses it anyway; nothing to remember.
            }
            evicted = 0;
            while (entries.size() >= maxEntries) {
                Map.Entry<String, Instant> oldest = byExpiry.poll();
                if (entries.remove(oldest.getKey(), oldest.getValue())) {
                    evicted = ++evictions;
                }
            }
            entries.put(key, expiresAt);
            byExpiry.add(Map.entry(key, expiresAt));
        }
        if (evicted > 0) {
            reportEviction(evicted);
        }
    }

    @Override
    public boolean isUsed(String namespace, String id) {
        String key = key(Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(id, "id"));
        Instant now = clock.instant();
        synchronized (this) {
            Instant expiry = entries.get(key);
            return expiry != null && expiry.isAfter(now);
        }
    }

    private void reportEviction(long total) {
        // Every eviction is audited (metrics count them); the log says it at the first and then every 1,000th.
        if (total == 1 || total % 1000 == 0) {
            LOG.warn("replay cache full ({} live entries): forgetting the entries closest to expiry ({} so far);"
                    + " raise its size or use a shared cache", maxEntries, total);
        }
        try {
            audit.record(new AuditEvent("replay_cache_evicted", clock.instant(), "replay-cache", Optional.empty(),
                    Optional.empty(), Map.of("evictions", String.valueOf(total), "capacity", String.valueOf(maxEntries))));
        } catch (RuntimeException e) {
            // An audit sink must not throw; if it does, the cache's decision stands.
        }
    }

    private static String key(String namespace, String id) {
        return namespace + '\u0000' + id;
    }

    private void evictExpired(Instant now) {
        while (!byExpiry.isEmpty() && !byExpiry.peek().getValue().isAfter(now)) {
            Map.Entry<String, Instant> e = byExpiry.poll();
            entries.remove(e.getKey(), e.getValue());
        }
    }

    /** Live entries, for tests and metrics. */
    public synchronized int size() {
        evictExpired(clock.instant());
        return entries.size();
    }

    /** Live entries forgotten because the cache was full, since it was made. */
    public synchronized long evictions() {
        return evictions;
    }
}
