package be.fedauth.core;

import be.fedauth.core.internal.InMemoryReplayCache;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.VerifiedLogin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Drives {@link LoginChecks#finish} at a set instant with what a protocol step would report. */
final class TimelineLogins {
    static final ProviderId FAS = ProviderId.of("fas");

    final SettableClock clock = SettableClock.fixed(Instant.EPOCH);
    private final LoginChecks checks;

    TimelineLogins(Timeline timeline) {
        this.checks = LoginChecks.builder(FAS, clock, new InMemoryReplayCache(clock, 1000)).timeline(timeline).build();
    }

    LoginChecks checks() {
        return checks;
    }

    /** A login at {@code now} whose response reports {@code achieved}. */
    AuthenticatedUser loginAt(Instant now, AchievedLevel achieved) {
        clock.set(now);
        String state = "state-" + now.toEpochMilli() + "-" + System.identityHashCode(achieved);
        PendingLogin pending = PendingLogin.builder(FAS, LoginRequest.builder().build(), state, now).build();
        Identity identity = new Identity(Optional.empty(), Optional.empty(), "John", "Smith", Language.EN, Optional.empty());
        return checks.finish(CallbackRequest.get(Map.of("state", state)), pending, "state",
                (callback, p) -> new VerifiedLogin(identity, achieved, now, List.of(), List.of(),
                        SessionReference.none(FAS), Optional.empty(), Map.of()));
    }

    /** A login at {@code now} with a named key at its level. */
    AuthenticatedUser loginAt(Instant now, DigitalKey key) {
        return loginAt(now, new AchievedLevel(key.level(), Optional.of(key)));
    }
}
