package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.RandomValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two applications sharing one Redis under their own key prefixes do not see each other's state. */
class KeyPrefixTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SettableClock clock = SettableClock.fixed(Logins.START);

    private RedisStores application(String prefix) {
        return REDIS.stores(RedisSettings.builder(REDIS.uri()).keyPrefix(prefix).build(), clock, new RecordingAuditSink());
    }

    @Test
    void markUsed_sameIdInTwoApplications_isAcceptedByEach() {
        RedisStores emcs = application("emcs");
        RedisStores ncts = application("ncts");
        emcs.replayCache().markUsed("saml-assertion", "_a1", clock.instant().plusSeconds(300));

        assertThatCode(() -> ncts.replayCache().markUsed("saml-assertion", "_a1", clock.instant().plusSeconds(300)))
                .doesNotThrowAnyException();
        assertThat(REDIS.redis().keys("emcs:*")).hasSize(1);
        assertThat(REDIS.redis().keys("ncts:*")).hasSize(1);
    }

    @Test
    void take_handleOfAnotherApplication_failsWithPendingLoginNotFoundAndLeavesItThere() {
        RedisPendingLoginStore emcs = application("emcs").pendingLoginStore(Logins.sealer(clock), RandomValues.secure());
        RedisPendingLoginStore plda = application("plda").pendingLoginStore(Logins.sealer(clock), RandomValues.secure());
        String handle = emcs.put(Logins.pending("s1", clock.instant()));

        AuthenticationException e = catchThrowableOfType(() -> plda.take(handle), AuthenticationException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.PENDING_LOGIN_NOT_FOUND);
        assertThat(emcs.take(handle).state()).isEqualTo("s1");
    }

    @Test
    void everyKey_startsWithTheApplicationPrefix() {
        RedisStores stores = application("emcs-prod.v2");
        stores.replayCache().markUsed("oidc-code", "c1", clock.instant().plusSeconds(60));
        stores.pendingLoginStore(Logins.sealer(clock), RandomValues.secure()).put(Logins.pending("s1", clock.instant()));

        assertThat(REDIS.redis().keys("*")).hasSize(2).allSatisfy(k -> assertThat(k).startsWith("emcs-prod.v2:"));
    }
}
