package be.fedauth.testkit;

import be.fedauth.core.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TestClockTest {
    private static final Instant T = Instant.parse("2024-01-31T00:00:00Z");

    @Test
    void fixed_standsStill() {
        assertThat(SettableClock.fixed(T).instant()).isEqualTo(T);
    }

    @Test
    void advance_movesAFixedClock() {
        SettableClock clock = SettableClock.fixed(T);

        clock.advance(Duration.ofHours(1));

        assertThat(clock.instant()).isEqualTo(T.plusSeconds(3600));
    }

    @Test
    void set_movesATickingClockThatKeepsTicking() {
        SettableClock clock = SettableClock.system();

        clock.set(T);

        assertThat(clock.instant()).isBetween(T, T.plusSeconds(60));
        assertThat(clock.isFrozen()).isFalse();
    }

    @Test
    void reset_returnsToTheInitialInstant() {
        SettableClock clock = SettableClock.fixed(T);
        clock.set(T.plusSeconds(999));

        clock.reset();

        assertThat(clock.instant()).isEqualTo(T);
    }

    @Test
    void reset_returnsATickingClockToSystemTime() {
        SettableClock clock = SettableClock.system();
        clock.set(T);

        clock.reset();

        assertThat(clock.instant()).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void freeze_stopsTheClock() {
        SettableClock clock = SettableClock.system();

        clock.freeze();

        assertThat(clock.instant()).isEqualTo(clock.instant());
        assertThat(clock.isFrozen()).isTrue();
    }
}
