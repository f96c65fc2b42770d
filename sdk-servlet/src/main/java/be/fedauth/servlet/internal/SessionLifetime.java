package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticatedUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a logged-in session lives, kept in the session next to the user: an idle timeout
 * (measured from the last request of the session that the filter saw), an absolute maximum (from
 * the login) and the identity provider's own limit ({@link AuthenticatedUser#notAfter()}, SAML
 * {@code SessionNotOnOrAfter} or the ID token's expiry). Each is a "not on or after" instant: at the
 * instant itself the session is over. Time is read only through the settings' clock, never the
 * container's; the container's own session timeout is set to the idle timeout as a second line
 * (OWASP Session Management Cheat Sheet, "Session Expiration").
 *
 * <p>Thread-safe: concurrent requests of one session may touch it at once; the last write wins,
 * and every write is a time at which the session was still valid.
 */
public final class SessionLifetime {
    private final Clock clock;
    private final Duration idle;
    private final Instant absoluteEnd;
    private volatile Instant lastSeen;

    private SessionLifetime(Clock clock, Duration idle, Instant absoluteEnd, Instant start) {
        this.clock = clock;
        this.idle = idle;
        this.absoluteEnd = absoluteEnd;
        this.lastSeen = start;
    }

    /**
     * The limits of the filter's settings.
     *
     * @param clock the settings' clock
     * @param idle the idle timeout
     * @param maximum the absolute maximum lifetime
     */
    public record Policy(Clock clock, Duration idle, Duration maximum) {
        /** Checks presence. */
        public Policy {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(maximum, "maximum");
        }

        /** A lifetime that starts now, at a login. */
        public SessionLifetime start() {
            Instant now = clock.instant();
            return new SessionLifetime(clock, idle, now.plus(maximum), now);
        }

        /** The container's idle timeout, in whole seconds. */
        public int idleSeconds() {
            return (int) Math.min(idle.toSeconds(), Integer.MAX_VALUE);
        }
    }

    /** Which limit ended the session. */
    public enum Limit {
        /** No request for longer than the idle timeout. */
        IDLE("idle"),
        /** The maximum lifetime since the login. */
        ABSOLUTE("absolute"),
        /** The identity provider's own limit for the session. */
        IDENTITY_PROVIDER("identity_provider");

        private final String id;

        Limit(String id) {
            this.id = id;
        }

        /** The value written to audit events and logs. */
        public String id() {
            return id;
        }
    }

    /**
     * The limit this session has reached now, for this user (the earliest one if several), or empty
     * while it is valid.
     */
    public Optional<Limit> reached(AuthenticatedUser user) {
        Instant now = clock.instant();
        Instant idleEnd = lastSeen.plus(idle);
        Limit earliest = null;
        Instant earliestAt = null;
        if (!now.isBefore(idleEnd)) {
            earliest = Limit.IDLE;
            earliestAt = idleEnd;
        }
        if (!now.isBefore(absoluteEnd) && (earliestAt == null || absoluteEnd.isBefore(earliestAt))) {
            earliest = Limit.ABSOLUTE;
            earliestAt = absoluteEnd;
        }
        Optional<Instant> idp = user.notAfter();
        if (idp.isPresent() && !now.isBefore(idp.get()) && (earliestAt == null || idp.get().isBefore(earliestAt))) {
            earliest = Limit.IDENTITY_PROVIDER;
        }
        return Optional.ofNullable(earliest);
    }

    /** Records a request of this (still valid) session: the idle timeout starts again. */
    public void touch() {
        Instant now = clock.instant();
        if (now.isAfter(lastSeen)) {
            lastSeen = now;
        }
    }

    /** Never the user; only the limits. */
    @Override
    public String toString() {
        return "SessionLifetime[idle=" + idle + ", absoluteEnd=" + absoluteEnd + ", lastSeen=" + lastSeen + "]";
    }
}
