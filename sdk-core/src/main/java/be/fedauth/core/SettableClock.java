package be.fedauth.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A settable clock for time travel in tests: give it to the SDK (and the testkit's fake FAS reads
 * every time through it), so dated transitions (a retired digital key, the end of a grace period, an
 * expired role or mandate, a token lifetime) can be tested without waiting. The one test clock of every
 * fedauth module.
 *
 * <p>A clock either follows the system time plus an offset ({@link #system()}) or stands still
 * ({@link #fixed(Instant)}). {@link #set(Instant)} and {@link #advance(Duration)} move it in both modes;
 * {@link #reset()} goes back to the state it was created in. Thread-safe.
 */
public final class SettableClock extends Clock {
    private final Clock base;
    private final Instant initialFrozen;
    private volatile Instant frozen;
    private volatile Duration offset = Duration.ZERO;

    private SettableClock(Clock base, Instant frozen) {
        this.base = base;
        this.initialFrozen = frozen;
        this.frozen = frozen;
    }

    /** A clock that ticks with the system clock (UTC), until set or advanced. */
    public static SettableClock system() {
        return new SettableClock(Clock.systemUTC(), null);
    }

    /** A clock that stands still at {@code instant} until set or advanced. */
    public static SettableClock fixed(Instant instant) {
        return new SettableClock(Clock.systemUTC(), Objects.requireNonNull(instant, "instant"));
    }

    /** Moves the clock to {@code instant}; a ticking clock keeps ticking from there. */
    public synchronized void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (frozen != null) {
            frozen = instant;
        } else {
            offset = Duration.between(base.instant(), instant);
        }
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public synchronized void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (frozen != null) {
            frozen = frozen.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Stops the clock at its current instant. */
    public synchronized void freeze() {
        frozen = instant();
    }

    /** Whether the clock stands still. */
    public boolean isFrozen() {
        return frozen != null;
    }

    /** Back to how the clock was created: the system time, or the initial fixed instant. */
    public synchronized void reset() {
        frozen = initialFrozen;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen;
        return stopped != null ? stopped : base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The zone cannot change: fedauth works in UTC; this returns the same clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "SettableClock[" + (isFrozen() ? "fixed at " : "ticking, now ") + instant() + "]";
    }
}
