package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.AuditEvent;
import be.fedauth.core.spi.AuditSink;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter's audit events, which the providers cannot see: a callback refused before any provider
 * ran ({@code pending_login_refused}), a session started or ended ({@code session_started},
 * {@code logout}), an e-service refused ({@code access_denied}). Users appear only as the HMAC
 * pseudonym of their national register number, and only when a pseudonym key is configured.
 */
public final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private final AuditSink sink;
    private final Optional<byte[]> pseudonymKey;
    private final Clock clock;

    /** Events to {@code sink}, users pseudonymised under {@code pseudonymKey} when present. */
    public Audit(AuditSink sink, Optional<byte[]> pseudonymKey, Clock clock) {
        this.sink = sink;
        this.pseudonymKey = pseudonymKey.map(byte[]::clone);
        this.clock = clock;
    }

    /** Records an event; a failing sink is logged, never propagated. */
    public void record(String type, String provider, Optional<AuthenticatedUser> user, Optional<ErrorCode> error,
                       Map<String, String> details) {
        if (sink == AuditSink.NONE) {
            return;
        }
        Optional<String> subject = user.flatMap(u -> u.identity().nationalNumber())
                .flatMap(n -> pseudonymKey.map(k -> AuditEvent.pseudonym(n, k)));
        try {
            sink.record(new AuditEvent(type, clock.instant(), provider, subject, error, details));
        } catch (RuntimeException e) {
            LOG.warn("the audit sink failed on {}: {}", type, e.toString());
        }
    }
}
