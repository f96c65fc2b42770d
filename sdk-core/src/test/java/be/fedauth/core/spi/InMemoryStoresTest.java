package be.fedauth.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void replayCache_secondUseBeforeExpiry_failsWithReplayDetected() {
        ReplayCache cache = ReplayCache.inMemory(clock, 10);
        cache.markUsed("assertion", "_a1", T0.plusSeconds(60));

        assertThatThrownBy(() -> cache.markUsed("assertion", "_a1", T0.plusSeconds(60)))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.REPLAY_DETECTED);
    }

    @Test
    void replayCache_namespacesAreSeparate() {
        ReplayCache cache = ReplayCache.inMemory(clock, 10);
        cache.markUsed("assertion", "x", T0.plusSeconds(60));

        cache.markUsed("code", "x", T0.plusSeconds(60));
    }

    @Test
    void replayCache_forgetsAnIdOnceItHasExpired() {
        ReplayCache cache = ReplayCache.inMemory(clock, 1);
        cache.markUsed("assertion", "_a1", T0.plusSeconds(60));
        now.set(T0.plusSeconds(60));

        cache.markUsed("assertion", "_a2", T0.plusSeconds(120));
        assertThatThrownBy(() -> cache.markUsed("assertion", "_a2", T0.plusSeconds(120)))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.REPLAY_DETECTED);
    }

    @Test
    void point4_replayCacheFull_forgetsTheEntryClosestToExpiry_auditsIt_andKeepsAcceptingLogins() {
        List<AuditEvent> events = new ArrayList<>();
        ReplayCache cache = ReplayCache.inMemory(clock, 2, events::add);
        cache.markUsed("a", "soon", T0.plusSeconds(30));
        cache.markUsed("a", "late", T0.plusSeconds(600));

        cache.markUsed("a", "new", T0.plusSeconds(60));

        assertThat(cache.isUsed("a", "soon")).isFalse();
        assertThat(cache.isUsed("a", "late")).isTrue();
        assertThat(cache.isUsed("a", "new")).isTrue();
        assertThatThrownBy(() -> cache.markUsed("a", "late", T0.plusSeconds(600)))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.REPLAY_DETECTED);
        assertThat(events).extracting(AuditEvent::type).containsExactly("replay_cache_evicted");
        assertThat(events.get(0).details()).containsEntry("evictions", "1").containsEntry("capacity", "2");
    }

    @Test
    void point4_replayCacheFull_dropsExpiredEntriesBeforeAnyLiveOne() {
        List<AuditEvent> events = new ArrayList<>();
        ReplayCache cache = ReplayCache.inMemory(clock, 2, events::add);
        cache.markUsed("a", "1", T0.plusSeconds(10));
        cache.markUsed("a", "2", T0.plusSeconds(600));
        now.set(T0.plusSeconds(10));

        cache.markUsed("a", "3", T0.plusSeconds(600));

        assertThat(cache.isUsed("a", "2")).isTrue();
        assertThat(cache.isUsed("a", "3")).isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void replayCache_sixteenThreadsWithOneId_exactlyOneWins() throws Exception {
        ReplayCache cache = ReplayCache.inMemory(clock, 100);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        cache.markUsed("assertion", "_same", T0.plusSeconds(60));
                        return true;
                    } catch (FedAuthException e) {
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> r : results) {
                wins += r.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pendingLoginStore_takesAPendingLoginOnce() {
        PendingLoginStore store = PendingLoginStore.inMemory(clock, RandomValues.secure(), 10);
        PendingLogin pending = PendingLogin.builder(ProviderId.of("fas"), LoginRequest.builder().build(), "st", T0).build();
        String handle = store.put(pending);

        assertThat(store.take(handle)).isEqualTo(pending);
        assertThatThrownBy(() -> store.take(handle))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PENDING_LOGIN_NOT_FOUND);
    }

    @Test
    void pendingLoginStore_refusesAnExpiredPendingLogin() {
        PendingLoginStore store = PendingLoginStore.inMemory(clock, RandomValues.secure(), 10);
        String handle = store.put(PendingLogin.builder(ProviderId.of("fas"), LoginRequest.builder().build(), "st", T0)
                .lifetime(Duration.ofMinutes(1)).build());
        now.set(T0.plusSeconds(60));

        assertThatThrownBy(() -> store.take(handle))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PENDING_LOGIN_NOT_FOUND);
    }

    @Test
    void pendingLoginStore_whenFullOfLiveEntries_failsWithStoreUnavailable() {
        PendingLoginStore store = PendingLoginStore.inMemory(clock, RandomValues.secure(), 1);
        store.put(PendingLogin.builder(ProviderId.of("fas"), LoginRequest.builder().build(), "a", T0).build());

        assertThatThrownBy(() -> store.put(PendingLogin.builder(ProviderId.of("fas"), LoginRequest.builder().build(), "b", T0).build()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
    }

    @Test
    void randomValues_are43Base64UrlCharactersAndDiffer() {
        RandomValues random = RandomValues.secure();
        String a = random.next();

        assertThat(a).matches("[A-Za-z0-9_-]{43}");
        assertThat(random.next()).isNotEqualTo(a);
    }

    @Test
    void pseudonym_isStablePerKeyAndNeverTheNumber() {
        NationalRegisterNumber nrn = NationalRegisterNumber.parse("85073003328");
        byte[] key = new byte[32];
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        String p = AuditEvent.pseudonym(nrn, key);
        assertThat(p).hasSize(32).doesNotContain("85073003328").isEqualTo(AuditEvent.pseudonym(nrn, key));
        assertThat(AuditEvent.pseudonym(nrn, otherKey)).isNotEqualTo(p);
    }
}
