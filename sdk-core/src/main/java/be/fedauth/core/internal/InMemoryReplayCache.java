package be.fedauth.core.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.spi.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/** A bounded {@link ReplayCache} for one node. Thread-safe (one lock; calls are short). */
public final class InMemoryReplayCache implements ReplayCache {
    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Instant> entries = new HashMap<>();
    private final PriorityQueue<Map.Entry<String, Instant>> byExpiry =
            new PriorityQueue<>(Map.Entry.comparingByValue());

    /** A cache holding at most {@code maxEntries} live ids. */
    public InMemoryReplayCache(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
        String key = namespace + '\u0000' + id;
        Instant now = clock.instant();
        synchronized (this) {
            evictExpired(now);
            Instant existing = entries.get(key);
            if (existing != null) {
                throw new AuthenticationException(ErrorCode.REPLAY_DETECTED, "this " + namespace + " was already used");
            }
            if (!expiresAt.isAfter(now)) {
                return; // Already expired: validation refuses it anyway; nothing to remember.
            }
            if (entries.size() >= maxEntries) {
                throw new IdpUnavailableException(ErrorCode.STORE_UNAVAILABLE,
                        "replay cache full (" + maxEntries + " live entries)");
            }
            entries.put(key, expiresAt);
            byExpiry.add(Map.entry(key, expiresAt));
        }
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
}
