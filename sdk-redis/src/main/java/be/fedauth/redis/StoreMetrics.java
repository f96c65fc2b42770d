package be.fedauth.redis;

/**
 * A snapshot of one store's counters since it was created, for a metrics system to read.
 *
 * <p>For {@link RedisReplayCache}: a hit is an id found already used (a replay refused), a miss an id
 * seen for the first time (recorded). For {@link RedisPendingLoginStore}: a hit is a pending login
 * taken, a miss a handle that was unknown, already taken or expired. A failure is a call that could
 * not reach Redis and failed with {@code store_unavailable}.
 *
 * @param hits see above
 * @param misses see above
 * @param failures calls failed because Redis could not be reached in time
 */
public record StoreMetrics(long hits, long misses, long failures) {
}
