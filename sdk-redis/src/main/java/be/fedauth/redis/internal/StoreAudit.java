package be.fedauth.redis.internal;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.AuditEvent;
import be.fedauth.core.spi.AuditSink;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the stores' events to the application's {@link AuditSink}. The event's provider is
 * {@link #SOURCE} when no provider is known; details hold the store, the operation and the key
 * prefix, never an id, a handle or a key. A sink that throws, against its contract, is logged and
 * ignored so that auditing cannot change a login's outcome.
 */
public final class StoreAudit {
    /** The provider named in events that no provider caused. */
    public static final String SOURCE = "redis";

    private static final Logger LOG = LoggerFactory.getLogger(StoreAudit.class);

    private final AuditSink sink;
    private final Clock clock;
    private final String store;
    private final String prefix;

    /** Events of {@code store} ("replay_cache" or "pending_logins"). */
    public StoreAudit(AuditSink sink, Clock clock, String store, String prefix) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** Redis could not be reached during {@code operation}. */
    public void failure(String operation, StoreUnreachableException e) {
        LOG.warn("Redis {} store failed during {} (prefix {}): {}", store, operation, prefix, e.getMessage());
        send("store_failure", SOURCE, ErrorCode.STORE_UNAVAILABLE,
                Map.of("store", store, "operation", operation, "prefix", prefix));
    }

    /** An id of {@code namespace} was presented a second time. */
    public void replay(String namespace) {
        send("replay_refused", SOURCE, ErrorCode.REPLAY_DETECTED,
                Map.of("store", store, "namespace", namespace, "prefix", prefix));
    }

    private void send(String type, String provider, ErrorCode code, Map<String, String> details) {
        try {
            sink.record(new AuditEvent(type, clock.instant(), provider, Optional.empty(), Optional.of(code), details));
        } catch (RuntimeException e) {
            LOG.error("the audit sink threw on a {} event; ignored", type, e);
        }
    }
}
