package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.spi.RandomValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The least-privilege Redis ACL that docs/operations.md recommends: one user per application, its
 * key prefix only, and only the commands the stores send.
 */
class RedisAclTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension("--user", "fedauth-emcs", "on", ">emcs-pw",
            "~emcs:*", "resetchannels", "-@all", "+@connection", "+set", "+getdel");

    private final SettableClock clock = SettableClock.fixed(Logins.START);

    private RedisStores stores(String prefix) {
        String uri = "redis://fedauth-emcs:emcs-pw@127.0.0.1:" + REDIS.server().port();
        return REDIS.stores(RedisSettings.builder(uri).keyPrefix(prefix).build(), clock, new RecordingAuditSink());
    }

    @Test
    void recommendedAcl_allowsEveryStoreOperationUnderTheApplicationPrefix() {
        RedisStores emcs = stores("emcs");
        RedisPendingLoginStore pending = emcs.pendingLoginStore(Logins.sealer(clock), RandomValues.secure());

        assertThatCode(() -> {
            emcs.ping();
            emcs.replayCache().markUsed("saml-assertion", "_a1", clock.instant().plusSeconds(60));
            pending.take(pending.put(Logins.pending("s1", clock.instant())));
        }).doesNotThrowAnyException();
    }

    @Test
    void recommendedAcl_otherPrefix_failsWithStoreUnavailable() {
        RedisStores ncts = stores("ncts");

        IdpUnavailableException e = catchThrowableOfType(
                () -> ncts.replayCache().markUsed("saml-assertion", "_a1", clock.instant().plusSeconds(60)),
                IdpUnavailableException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
    }
}
