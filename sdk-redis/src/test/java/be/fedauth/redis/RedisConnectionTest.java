package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The URI's password and database, against a real Redis that requires a password. */
class RedisConnectionTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.withPassword("p@ss w0rd");

    private final SettableClock clock = SettableClock.fixed(Logins.START);

    private String uri(String password, int database) {
        return "redis://:" + password + "@127.0.0.1:" + REDIS.server().port() + "/" + database;
    }

    @Test
    void uriWithPasswordAndDatabase_writesIntoThatDatabase() {
        RedisStores stores = REDIS.stores(RedisSettings.fromUri(uri("p%40ss%20w0rd", 3)), clock, new RecordingAuditSink());

        stores.replayCache().markUsed("saml-assertion", "_a1", clock.instant().plusSeconds(60));

        assertThat(REDIS.redis(3).keys("fedauth:replay:saml-assertion:*")).hasSize(1);
        assertThat(REDIS.redis(0).dbsize()).isZero();
    }

    @Test
    void wrongPassword_failsWithStoreUnavailable() {
        RedisStores stores = REDIS.stores(RedisSettings.builder(uri("wrong", 0))
                .connectTimeout(Duration.ofMillis(500)).build(), clock, new RecordingAuditSink());

        IdpUnavailableException e = catchThrowableOfType(stores::ping, IdpUnavailableException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
        assertThat(e.getMessage()).doesNotContain("wrong");
    }

    @Test
    void noPassword_failsWithStoreUnavailable() {
        RedisStores stores = REDIS.stores(RedisSettings.builder("redis://127.0.0.1:" + REDIS.server().port())
                .connectTimeout(Duration.ofMillis(500)).build(), clock, new RecordingAuditSink());

        IdpUnavailableException e = catchThrowableOfType(
                () -> stores.replayCache().markUsed("oidc-code", "c", clock.instant().plusSeconds(60)),
                IdpUnavailableException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
    }

    @Test
    void aclUserDefaultWithPassword_connects() {
        String uri = "redis://default:p%40ss%20w0rd@127.0.0.1:" + REDIS.server().port() + "/1";
        RedisStores stores = REDIS.stores(RedisSettings.fromUri(uri), clock, new RecordingAuditSink());

        assertThatCode(stores::ping).doesNotThrowAnyException();
    }
}
