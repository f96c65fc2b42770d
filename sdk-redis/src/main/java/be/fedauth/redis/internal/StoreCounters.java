package be.fedauth.redis.internal;

import java.util.concurrent.atomic.LongAdder;

/** Hits, misses and failures of one store, counted without contention. Thread-safe. */
public final class StoreCounters {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder failures = new LongAdder();

    /** Counts a hit. */
    public void hit() {
        hits.increment();
    }

    /** Counts a miss. */
    public void miss() {
        misses.increment();
    }

    /** Counts a failure to reach Redis. */
    public void failure() {
        failures.increment();
    }

    /** Hits so far. */
    public long hits() {
        return hits.sum();
    }

    /** Misses so far. */
    public long misses() {
        return misses.sum();
    }

    /** Failures so far. */
    public long failures() {
        return failures.sum();
    }
}
