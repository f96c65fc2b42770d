package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.ReplayCache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The replay cache, through the core SPI, on two nodes sharing one real Redis. */
class RedisReplayCacheTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SettableClock clock = SettableClock.fixed(Logins.START);
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private RedisReplayCache nodeA;
    private RedisReplayCache nodeB;

    @BeforeEach
    void twoNodes() {
        RedisSettings settings = RedisSettings.builder(REDIS.uri()).keyPrefix("emcs").build();
        nodeA = REDIS.stores(settings, clock, audit).replayCache();
        nodeB = REDIS.stores(settings, clock, audit).replayCache();
    }

    private Instant inMinutes(int minutes) {
        return clock.instant().plus(Duration.ofMinutes(minutes));
    }

    @Test
    void markUsed_firstUse_isAcceptedAndCountedAsMiss() {
        assertThatCode(() -> nodeA.markUsed("saml-assertion", "_a1", inMinutes(5))).doesNotThrowAnyException();

        assertThat(nodeA.metrics()).isEqualTo(new StoreMetrics(0, 1, 0));
    }

    @Test
    void markUsed_idUsedOnOtherNode_failsWithReplayDetected() {
        ReplayCache first = nodeA;
        ReplayCache second = nodeB;
        first.markUsed("saml-assertion", "_a1", inMinutes(5));

        AuthenticationException e = catchThrowableOfType(
                () -> second.markUsed("saml-assertion", "_a1", inMinutes(5)), AuthenticationException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.REPLAY_DETECTED);
    }

    @Test
    void isUsed_seesAnIdMarkedOnTheOtherNode_andNotAnotherOne() {
        nodeA.markUsed("login-state", "s1", inMinutes(5));

        assertThat(nodeB.isUsed("login-state", "s1")).isTrue();
        assertThat(nodeB.isUsed("login-state", "s2")).isFalse();
        assertThat(nodeB.isUsed("other", "s1")).isFalse();
    }

    @Test
    void markUsed_replay_isCountedAsHitAndAudited() {
        nodeA.markUsed("oidc-code", "c1", inMinutes(1));
        catchThrowableOfType(() -> nodeB.markUsed("oidc-code", "c1", inMinutes(1)), AuthenticationException.class);

        assertThat(nodeB.metrics()).isEqualTo(new StoreMetrics(1, 0, 0));
        assertThat(audit.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("replay_refused");
            assertThat(event.error()).contains(ErrorCode.REPLAY_DETECTED);
            assertThat(event.at()).isEqualTo(Logins.START);
            assertThat(event.details()).containsEntry("namespace", "oidc-code").containsEntry("prefix", "emcs");
        });
    }

    @Test
    void markUsed_sameIdInOtherNamespace_isAccepted() {
        nodeA.markUsed("saml-assertion", "x", inMinutes(5));

        assertThatCode(() -> nodeB.markUsed("oidc-jti", "x", inMinutes(5))).doesNotThrowAnyException();
    }

    @Test
    void markUsed_sixteenThreadsWithOneId_exactlyOneWins() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ErrorCode>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                ReplayCache node = i % 2 == 0 ? nodeA : nodeB;
                outcomes.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        node.markUsed("saml-assertion", "_same", inMinutes(5));
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
            assertThat(codes).filteredOn(c -> c != null).hasSize(threads - 1).containsOnly(ErrorCode.REPLAY_DETECTED);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void markUsed_keyExpiresWhenTheTokenDoes() {
        nodeA.markUsed("saml-assertion", "_a1", inMinutes(5));

        String key = onlyKey();
        long ttl = REDIS.redis().pttl(key);
        // Set to exactly 300,000 ms from the test clock; Redis counts down from there.
        assertThat(ttl).isBetween(290_000L, 300_000L);
    }

    @Test
    void markUsed_tokenAlreadyExpired_isKeptOneSecondSoConcurrentCopiesStillCollide() {
        nodeA.markUsed("saml-assertion", "_old", clock.instant().minusSeconds(30));

        assertThat(REDIS.redis().pttl(onlyKey())).isBetween(1L, 1_000L);
        AuthenticationException e = catchThrowableOfType(
                () -> nodeB.markUsed("saml-assertion", "_old", clock.instant().minusSeconds(30)),
                AuthenticationException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.REPLAY_DETECTED);
    }

    @Test
    void markUsed_writesADigestOfTheIdNotTheIdItself() {
        String code = "SplxlOBeZQQYbYS6WxSbIA";
        nodeA.markUsed("oidc-code", code, inMinutes(1));

        String key = onlyKey();
        assertThat(key).startsWith("emcs:replay:oidc-code:").doesNotContain(code);
        assertThat(REDIS.redis().get(key)).isEqualTo("1");
    }

    @Test
    void markUsed_namespaceWithOddCharacters_staysOneShortKey() {
        nodeA.markUsed("name space:with*glob", "i", inMinutes(1));

        assertThat(onlyKey()).matches("emcs:replay:~[A-Za-z0-9_-]{43}:[A-Za-z0-9_-]{43}");
    }

    private String onlyKey() {
        List<String> keys = REDIS.redis().keys("*");
        assertThat(keys).hasSize(1);
        return Set.copyOf(keys).iterator().next();
    }
}
