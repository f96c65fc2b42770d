package be.fedauth.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parsing the Redis URI and checking the settings. */
class RedisSettingsTest {

    @Test
    void fromUri_plainLoopback_usesTheDefaults() {
        RedisSettings s = RedisSettings.fromUri("redis://127.0.0.1");

        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(6379);
        assertThat(s.tls()).isFalse();
        assertThat(s.database()).isZero();
        assertThat(s.username()).isEmpty();
        assertThat(s.hasPassword()).isFalse();
        assertThat(s.commandTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.keyPrefix()).isEqualTo("fedauth");
    }

    @Test
    void fromUri_tlsWithPasswordPortAndDatabase_readsEveryPart() {
        RedisSettings s = RedisSettings.fromUri("rediss://:s3cr%40t@redis.customs.internal:6380/3");

        assertThat(s.tls()).isTrue();
        assertThat(s.host()).isEqualTo("redis.customs.internal");
        assertThat(s.port()).isEqualTo(6380);
        assertThat(s.database()).isEqualTo(3);
        assertThat(s.hasPassword()).isTrue();
        assertThat(s.username()).isEmpty();
    }

    @Test
    void fromUri_aclUserAndPassword_readsBoth() {
        RedisSettings s = RedisSettings.fromUri("rediss://fedauth-emcs:pw@redis.customs.internal/1");

        assertThat(s.username()).contains("fedauth-emcs");
        assertThat(s.hasPassword()).isTrue();
        assertThat(s.database()).isEqualTo(1);
    }

    @Test
    void fromUri_ipv6Loopback_isAllowedUnencrypted() {
        RedisSettings s = RedisSettings.fromUri("redis://[::1]:7000");

        assertThat(s.host()).isEqualTo("::1");
        assertThat(s.port()).isEqualTo(7000);
    }

    @Test
    void toString_hidesThePassword() {
        RedisSettings s = RedisSettings.fromUri("rediss://user:TopSecretValue@redis.customs.internal:6380/2");

        assertThat(s.toString()).doesNotContain("TopSecretValue").contains("user:***@")
                .contains("redis.customs.internal:6380/2");
    }

    @Test
    void invalidUri_messageNeverEchoesTheUri() {
        ConfigurationException e = catchThrowableOfType(
                () -> RedisSettings.fromUri("redis://:TopSecretValue@host/not-a-db"), ConfigurationException.class);

        assertThat(e.getMessage()).doesNotContain("TopSecretValue");
    }

    @Test
    void allowUnencryptedConnection_remoteHost_isAcceptedAndShown() {
        RedisSettings s = RedisSettings.builder("redis://redis.customs.internal").allowUnencryptedConnection().build();

        assertThat(s.unencryptedAllowed()).isTrue();
        assertThat(s.toString()).contains("unencryptedAllowed=true");
    }

    @Test
    void toBuilder_keepsEverySetting() {
        RedisSettings s = RedisSettings.builder("redis://localhost/2").keyPrefix("plda")
                .commandTimeout(Duration.ofMillis(250)).connectTimeout(Duration.ofMillis(750)).build();

        RedisSettings copy = s.toBuilder().build();

        assertThat(copy.toString()).isEqualTo(s.toString());
    }

    /** Settings that must be refused when built, each with the reason. */
    enum BadSettings {
        WRONG_SCHEME(() -> RedisSettings.fromUri("http://127.0.0.1:6379")),
        NO_SCHEME(() -> RedisSettings.fromUri("127.0.0.1:6379")),
        SENTINEL_SCHEME(() -> RedisSettings.fromUri("redis-sentinel://127.0.0.1:26379")),
        NOT_A_URI(() -> RedisSettings.fromUri("redis://exa mple")),
        NO_HOST(() -> RedisSettings.fromUri("redis:///0")),
        PORT_TOO_LARGE(() -> RedisSettings.fromUri("redis://127.0.0.1:70000")),
        DATABASE_NOT_A_NUMBER(() -> RedisSettings.fromUri("redis://127.0.0.1/db")),
        DATABASE_TOO_LARGE(() -> RedisSettings.fromUri("redis://127.0.0.1/100000")),
        DATABASE_WITH_EXTRA_PATH(() -> RedisSettings.fromUri("redis://127.0.0.1/1/2")),
        QUERY_PARAMETERS(() -> RedisSettings.fromUri("redis://127.0.0.1?timeout=5s")),
        FRAGMENT(() -> RedisSettings.fromUri("redis://127.0.0.1#x")),
        CREDENTIALS_WITHOUT_COLON(() -> RedisSettings.fromUri("redis://secret@127.0.0.1")),
        EMPTY_PASSWORD(() -> RedisSettings.fromUri("redis://user:@127.0.0.1")),
        UNENCRYPTED_REMOTE_HOST(() -> RedisSettings.fromUri("redis://redis.customs.internal:6379")),
        UNENCRYPTED_PRIVATE_ADDRESS(() -> RedisSettings.fromUri("redis://10.1.2.3")),
        PREFIX_WITH_COLON(() -> RedisSettings.builder("redis://127.0.0.1").keyPrefix("emcs:prod").build()),
        PREFIX_EMPTY(() -> RedisSettings.builder("redis://127.0.0.1").keyPrefix("").build()),
        PREFIX_WITH_GLOB(() -> RedisSettings.builder("redis://127.0.0.1").keyPrefix("emcs*").build()),
        COMMAND_TIMEOUT_ZERO(() -> RedisSettings.builder("redis://127.0.0.1").commandTimeout(Duration.ZERO).build()),
        COMMAND_TIMEOUT_TOO_LONG(() -> RedisSettings.builder("redis://127.0.0.1")
                .commandTimeout(Duration.ofMinutes(1)).build()),
        CONNECT_TIMEOUT_NEGATIVE(() -> RedisSettings.builder("redis://127.0.0.1")
                .connectTimeout(Duration.ofSeconds(-1)).build()),
        TRUSTED_CERTIFICATES_WITHOUT_TLS(() -> RedisSettings.builder("redis://127.0.0.1")
                .trustedCertificates(Path.of("pom.xml")).build()),
        TRUSTED_CERTIFICATES_MISSING(() -> RedisSettings.builder("rediss://127.0.0.1")
                .trustedCertificates(Path.of("target/no-such-ca.pem")).build());

        final Supplier<RedisSettings> build;

        BadSettings(Supplier<RedisSettings> build) {
            this.build = build;
        }
    }

    @ParameterizedTest
    @EnumSource(BadSettings.class)
    void build_badSettings_failsWithInvalidConfiguration(BadSettings bad) {
        ConfigurationException e = catchThrowableOfType(bad.build::get, ConfigurationException.class);

        assertThat(e).as(bad.name()).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
    }
}
