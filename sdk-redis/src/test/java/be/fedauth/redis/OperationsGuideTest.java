package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.SealingKey;
import be.fedauth.core.spi.PendingLoginStore;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.core.spi.ReplayCache;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What docs/operations.md tells operators to do, done against a real Redis. */
class OperationsGuideTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SettableClock clock = SettableClock.fixed(Logins.START);
    private final SealingKey current = SealingKey.of("k2026", Logins.bytes(1));
    private final SealingKey next = SealingKey.of("k2027", Logins.bytes(2));

    private PendingLoginStore node(PendingLoginSealer sealer) {
        RedisStores redis = REDIS.stores(RedisSettings.builder(REDIS.uri()).keyPrefix("emcs").build(), clock,
                new RecordingAuditSink());
        return redis.pendingLoginStore(sealer, RandomValues.secure());
    }

    @Test
    void wiringOfTheGuide_givesAReplayCacheAndAStoreSharedByTheNodes() {
        Clock systemClock = clock;
        RedisStores redis = REDIS.stores(RedisSettings.builder(REDIS.uri()).keyPrefix("emcs").build(),
                systemClock, new RecordingAuditSink());
        ReplayCache replayCache = redis.replayCache();
        PendingLoginStore pendingLogins = redis.pendingLoginStore(
                PendingLoginSealer.create(next, List.of(current), systemClock), RandomValues.secure());

        String handle = pendingLogins.put(Logins.pending("s1", clock.instant()));
        replayCache.markUsed("oidc-code", "c1", clock.instant().plusSeconds(60));

        assertThat(node(PendingLoginSealer.create(next, clock)).take(handle).state()).isEqualTo("s1");
    }

    @Test
    void rotationStep2_nodeNotYetUpdated_opensWhatAnUpdatedNodeSealed() {
        PendingLoginStore step2 = node(PendingLoginSealer.create(current, List.of(next), clock));
        PendingLoginStore step3 = node(PendingLoginSealer.create(next, List.of(current), clock));

        String handle = step3.put(Logins.pending("s1", clock.instant()));

        assertThat(step2.take(handle).state()).isEqualTo("s1");
    }

    @Test
    void rotationStep3_updatedNode_opensWhatTheOldPrimarySealed() {
        PendingLoginStore before = node(PendingLoginSealer.create(current, clock));
        PendingLoginStore step3 = node(PendingLoginSealer.create(next, List.of(current), clock));

        String handle = before.put(Logins.pending("s1", clock.instant()));

        assertThat(step3.take(handle).state()).isEqualTo("s1");
    }

    @Test
    void rotationStep2Skipped_loginReturningToANodeWithoutTheNewKey_failsWithPendingLoginUnknownKey() {
        PendingLoginStore notUpdated = node(PendingLoginSealer.create(current, clock));
        PendingLoginStore updated = node(PendingLoginSealer.create(next, List.of(current), clock));
        String handle = updated.put(Logins.pending("s1", clock.instant()));

        AuthenticationException e = catchThrowableOfType(() -> notUpdated.take(handle), AuthenticationException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.PENDING_LOGIN_UNKNOWN_KEY);
    }
}
