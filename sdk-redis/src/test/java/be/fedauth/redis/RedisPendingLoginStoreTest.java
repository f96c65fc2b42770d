package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.SealingKey;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pending login store, through the core SPI, on two nodes sharing one real Redis. */
class RedisPendingLoginStoreTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SettableClock clock = SettableClock.fixed(Logins.START);
    private RedisSettings settings;
    private RedisPendingLoginStore nodeA;
    private RedisPendingLoginStore nodeB;

    @BeforeEach
    void twoNodes() {
        settings = RedisSettings.builder(REDIS.uri()).keyPrefix("emcs").build();
        nodeA = node(Logins.sealer(clock), RandomValues.secure());
        nodeB = node(Logins.sealer(clock), RandomValues.secure());
    }

    private RedisPendingLoginStore node(PendingLoginSealer sealer, RandomValues random) {
        return REDIS.stores(settings, clock, new RecordingAuditSink()).pendingLoginStore(sealer, random);
    }

    @Test
    void take_loginStartedOnOtherNode_returnsTheSamePendingLogin() {
        PendingLogin pending = Logins.pending("s1", clock.instant());
        PendingLoginStore first = nodeA;
        PendingLoginStore second = nodeB;

        String handle = first.put(pending);

        assertThat(second.take(handle)).isEqualTo(pending);
        assertThat(nodeB.metrics()).isEqualTo(new StoreMetrics(1, 0, 0));
    }

    @Test
    void take_secondTime_failsWithPendingLoginNotFound() {
        String handle = nodeA.put(Logins.pending("s1", clock.instant()));
        nodeB.take(handle);

        AuthenticationException e = catchThrowableOfType(() -> nodeA.take(handle), AuthenticationException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.PENDING_LOGIN_NOT_FOUND);
        assertThat(nodeA.metrics()).isEqualTo(new StoreMetrics(0, 1, 0));
    }

    @Test
    void take_sixteenThreadsWithOneHandle_exactlyOneGetsTheLogin() throws Exception {
        String handle = nodeA.put(Logins.pending("s1", clock.instant()));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ErrorCode>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                PendingLoginStore node = i % 2 == 0 ? nodeA : nodeB;
                outcomes.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        node.take(handle);
                        return null;
                    } catch (AuthenticationException e) {
                        return e.code();
                    }
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<ErrorCode> codes = new ArrayList<>();
            for (Future<ErrorCode> f : outcomes) {
                codes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(codes).filteredOn(c -> c == null).hasSize(1);
            assertThat(codes).filteredOn(c -> c != null).hasSize(threads - 1)
                    .containsOnly(ErrorCode.PENDING_LOGIN_NOT_FOUND);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void put_keyExpiresWithThePendingLogin() {
        nodeA.put(Logins.pending("s1", clock.instant(), Duration.ofMinutes(10)));

        String key = REDIS.redis().keys("emcs:pending:*").get(0);
        assertThat(REDIS.redis().pttl(key)).isBetween(590_000L, 600_000L);
    }

    @Test
    void put_longAfterTheLoginWasCreated_expiresWhenTheLoginDoes() {
        PendingLogin pending = Logins.pending("s1", clock.instant(), Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(4));

        nodeA.put(pending);

        String key = REDIS.redis().keys("emcs:pending:*").get(0);
        assertThat(REDIS.redis().pttl(key)).isBetween(350_000L, 360_000L);
    }

    @Test
    void put_writesASealedValueUnderADigestOfTheHandle() {
        String handle = nodeA.put(Logins.pending("state-visible-if-clear", clock.instant()));

        List<String> keys = REDIS.redis().keys("*");
        assertThat(keys).singleElement().satisfies(key -> assertThat(key).startsWith("emcs:pending:")
                .doesNotContain(handle));
        String stored = REDIS.redis().get(keys.get(0));
        assertThat(stored).doesNotContain("state-visible-if-clear").doesNotContain("verifier-")
                .doesNotContain("nonce-");
        assertThat(Logins.sealer(clock).open(stored).state()).isEqualTo("state-visible-if-clear");
    }

    @Test
    void put_handleIsTheNextRandomValue() {
        RandomValues fixed = () -> "handle-from-random-values-0001";
        RedisPendingLoginStore store = node(Logins.sealer(clock), fixed);

        assertThat(store.put(Logins.pending("s1", clock.instant()))).isEqualTo("handle-from-random-values-0001");
    }

    @Test
    void put_handleAlreadyInUse_drawsAnotherOne() {
        AtomicInteger calls = new AtomicInteger();
        RandomValues repeating = () -> calls.getAndIncrement() < 2 ? "handle-repeated-000001" : "handle-fresh-0000000002";
        RedisPendingLoginStore store = node(Logins.sealer(clock), repeating);
        store.put(Logins.pending("s1", clock.instant()));

        String second = store.put(Logins.pending("s2", clock.instant()));

        assertThat(second).isEqualTo("handle-fresh-0000000002");
        assertThat(store.take("handle-repeated-000001").state()).isEqualTo("s1");
    }

    @Test
    void take_afterTheLoginExpired_failsWithPendingLoginNotFound() {
        String handle = nodeA.put(Logins.pending("s1", clock.instant(), Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(10));

        AuthenticationException e = catchThrowableOfType(() -> nodeB.take(handle), AuthenticationException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.PENDING_LOGIN_NOT_FOUND);
    }

    @Test
    void take_sealedWithThePreviousKeyStillConfigured_succeeds() {
        SealingKey next = SealingKey.of("k2027", Logins.bytes(9));
        PendingLoginSealer rotated = PendingLoginSealer.create(next, List.of(Logins.KEY), clock);
        RedisPendingLoginStore rotatedNode = node(rotated, RandomValues.secure());
        String handle = nodeA.put(Logins.pending("s1", clock.instant()));

        assertThat(rotatedNode.take(handle).state()).isEqualTo("s1");
    }
}
