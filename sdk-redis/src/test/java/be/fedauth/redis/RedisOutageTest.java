package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.spi.AuditEvent;
import be.fedauth.core.spi.RandomValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis going away in the middle of a login: fail closed with store_unavailable, then recover. */
class RedisOutageTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SettableClock clock = SettableClock.fixed(Logins.START);
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private RedisStores nodeA;
    private RedisStores nodeB;

    @BeforeEach
    void twoNodes() {
        RedisSettings settings = RedisSettings.builder(REDIS.uri()).keyPrefix("ncts")
                .commandTimeout(Duration.ofMillis(300)).connectTimeout(Duration.ofMillis(500)).build();
        nodeA = REDIS.stores(settings, clock, audit);
        nodeB = REDIS.stores(settings, clock, audit);
    }

    @AfterEach
    void serverRunsAgain() {
        if (!REDIS.server().running()) {
            REDIS.server().restart();
        }
    }

    @Test
    void redisKilledMidLogin_failsWithStoreUnavailableThenRecoversOnRestart() {
        RedisPendingLoginStore startNode = nodeA.pendingLoginStore(Logins.sealer(clock), RandomValues.secure());
        RedisPendingLoginStore finishNode = nodeB.pendingLoginStore(Logins.sealer(clock), RandomValues.secure());
        String handle = startNode.put(Logins.pending("s1", clock.instant()));

        REDIS.server().kill();

        assertStoreUnavailable(() -> finishNode.take(handle));
        assertStoreUnavailable(() -> nodeB.replayCache().markUsed("oidc-code", "c1", clock.instant().plusSeconds(60)));
        assertStoreUnavailable(() -> startNode.put(Logins.pending("s2", clock.instant())));
        assertThat(finishNode.metrics().failures()).isEqualTo(1);
        assertThat(nodeB.replayCache().metrics().failures()).isEqualTo(1);
        assertThat(audit.events()).extracting(AuditEvent::type).containsOnly("store_failure");
        assertThat(audit.events()).allSatisfy(e -> assertThat(e.error()).contains(ErrorCode.STORE_UNAVAILABLE));

        REDIS.server().restart();

        // Nothing was written while Redis was down; without persistence the restarted server is empty.
        assertThat(REDIS.redis().dbsize()).isZero();
        assertThatCode(() -> nodeB.replayCache().markUsed("oidc-code", "c1", clock.instant().plusSeconds(60)))
                .doesNotThrowAnyException();
        AuthenticationException lost = catchThrowableOfType(() -> finishNode.take(handle), AuthenticationException.class);
        assertThat(lost.code()).isEqualTo(ErrorCode.PENDING_LOGIN_NOT_FOUND);
        String again = startNode.put(Logins.pending("s3", clock.instant()));
        assertThat(finishNode.take(again).state()).isEqualTo("s3");
    }

    @Test
    void redisKilled_pingFailsWithStoreUnavailableThenAnswersAfterRestart() {
        nodeA.ping();

        REDIS.server().kill();

        assertStoreUnavailable(nodeA::ping);
        REDIS.server().restart();
        assertThatCode(nodeA::ping).doesNotThrowAnyException();
    }

    @Test
    void redisDownWhenTheApplicationStarts_failsClosedThenConnectsWhenItComes() {
        REDIS.server().kill();
        RedisSettings settings = RedisSettings.builder(REDIS.uri()).connectTimeout(Duration.ofMillis(500)).build();
        RedisStores late = REDIS.stores(settings, clock, audit);

        assertStoreUnavailable(() -> late.replayCache().markUsed("saml-assertion", "_a", clock.instant().plusSeconds(60)));
        REDIS.server().restart();
        assertThatCode(() -> late.replayCache().markUsed("saml-assertion", "_a", clock.instant().plusSeconds(60)))
                .doesNotThrowAnyException();
    }

    @Test
    void redisFrozen_commandTimesOutWithStoreUnavailableAndStateSurvivesTheThaw() {
        RedisPendingLoginStore startNode = nodeA.pendingLoginStore(Logins.sealer(clock), RandomValues.secure());
        RedisPendingLoginStore finishNode = nodeB.pendingLoginStore(Logins.sealer(clock), RandomValues.secure());
        String handle = startNode.put(Logins.pending("s1", clock.instant()));
        finishNode.metrics();
        nodeB.ping();

        REDIS.server().signal("STOP");
        try {
            assertStoreUnavailable(() -> nodeB.replayCache().markUsed("saml-assertion", "_f", clock.instant().plusSeconds(60)));
        } finally {
            REDIS.server().signal("CONT");
        }

        assertThat(finishNode.take(handle).state()).isEqualTo("s1");
        // The timed-out command may still run once Redis thaws: the id then stays used (fail closed).
        AuthenticationException replay = catchThrowableOfType(
                () -> nodeA.replayCache().markUsed("saml-assertion", "_f", clock.instant().plusSeconds(60)),
                AuthenticationException.class);
        assertThat(replay.code()).isEqualTo(ErrorCode.REPLAY_DETECTED);
    }

    @Test
    void redisDown_sixteenThreadsAtOnce_eachFailsWithStoreUnavailable() throws Exception {
        REDIS.server().kill();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ErrorCode>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String id = "_t" + i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        nodeA.replayCache().markUsed("saml-assertion", id, clock.instant().plusSeconds(60));
                        return null;
                    } catch (FedAuthException e) {
                        return e.code();
                    }
                }));
            }
            go.countDown();
            for (Future<ErrorCode> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(nodeA.replayCache().metrics().failures()).isEqualTo(threads);
    }

    @Test
    void closedStores_failWithStoreUnavailable() {
        RedisStores closed = REDIS.stores(RedisSettings.fromUri(REDIS.uri()), clock, audit);
        closed.close();

        assertStoreUnavailable(() -> closed.replayCache().markUsed("oidc-code", "c", clock.instant().plusSeconds(60)));
    }

    private static void assertStoreUnavailable(ThrowingCallable call) {
        FedAuthException e = catchThrowableOfType(call, IdpUnavailableException.class);
        assertThat(e).as("expected store_unavailable").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
        assertThat(e.code().id()).isEqualTo("store_unavailable");
    }
}
