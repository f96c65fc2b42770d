package be.fedauth.core.spi;

/**
 * Receives structured audit events: logins started, finished and refused, logouts, replays, store
 * failures. Events never hold a national register number in clear (see {@link AuditEvent}).
 * Implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface AuditSink {

    /** Ignores every event. */
    AuditSink NONE = event -> { };

    /** Records one event. */
    void record(AuditEvent event);
}
