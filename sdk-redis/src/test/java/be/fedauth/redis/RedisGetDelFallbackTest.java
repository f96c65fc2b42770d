package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.RandomValues;
import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a Redis without GETDEL (older than 6.2, simulated by renaming it away), take uses an atomic script. */
class RedisGetDelFallbackTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension("--rename-command", "GETDEL", "");

    private final SettableClock clock = SettableClock.fixed(Logins.START);

    @Test
    void serverUnderTest_reallyHasNoGetDel() {
        RedisCommandExecutionException e = catchThrowableOfType(() -> REDIS.redis().getdel("k"),
                RedisCommandExecutionException.class);

        assertThat(e.getMessage()).containsIgnoringCase("unknown command");
    }

    @Test
    void take_withoutGetDel_returnsTheLoginOnceThenNotFound() {
        RedisStores stores = REDIS.stores(RedisSettings.fromUri(REDIS.uri()), clock, new RecordingAuditSink());
        RedisPendingLoginStore store = stores.pendingLoginStore(Logins.sealer(clock), RandomValues.secure());
        String handle = store.put(Logins.pending("s1", clock.instant()));
        String other = store.put(Logins.pending("s2", clock.instant()));

        assertThat(store.take(handle).state()).isEqualTo("s1");
        AuthenticationException e = catchThrowableOfType(() -> store.take(handle), AuthenticationException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.PENDING_LOGIN_NOT_FOUND);
        assertThat(store.take(other).state()).isEqualTo("s2");
        assertThat(REDIS.redis().dbsize()).isZero();
    }
}
