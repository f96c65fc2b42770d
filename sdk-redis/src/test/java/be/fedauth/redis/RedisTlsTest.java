package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.spi.RandomValues;
import java.nio.file.Path;
import java.time.Duration;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** rediss:// against redis-server's own TLS port: the certificate chain and the host name are verified. */
class RedisTlsTest {
    private static final TestCertificates CERTS = new TestCertificates(
            Path.of("target", "redis-tls-" + ProcessHandle.current().pid()));
    private static final Path CA = CERTS.caFile();
    private static final int GOOD_TLS_PORT = RedisServer.freePort();
    private static final int WRONG_NAME_TLS_PORT = RedisServer.freePort();

    @RegisterExtension
    static final RedisServerExtension GOOD = tlsServer(GOOD_TLS_PORT, CERTS.server("loopback",
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")));

    @RegisterExtension
    static final RedisServerExtension WRONG_NAME = tlsServer(WRONG_NAME_TLS_PORT, CERTS.server("elsewhere",
            new GeneralName(GeneralName.dNSName, "redis.elsewhere.test")));

    private final SettableClock clock = SettableClock.fixed(Logins.START);

    private static RedisServerExtension tlsServer(int tlsPort, Path[] certAndKey) {
        return new RedisServerExtension("--tls-port", Integer.toString(tlsPort),
                "--tls-cert-file", certAndKey[0].toAbsolutePath().toString(),
                "--tls-key-file", certAndKey[1].toAbsolutePath().toString(),
                "--tls-ca-cert-file", CA.toAbsolutePath().toString(), "--tls-auth-clients", "no");
    }

    private RedisStores stores(RedisServerExtension server, int tlsPort, boolean trustTestCa) {
        RedisSettings.Builder settings = RedisSettings.builder("rediss://127.0.0.1:" + tlsPort)
                .connectTimeout(Duration.ofSeconds(5));
        if (trustTestCa) {
            settings.trustedCertificates(CA);
        }
        return server.stores(settings.build(), clock, new RecordingAuditSink());
    }

    @Test
    void rediss_trustedCertificateForTheHost_connectsAndStores() {
        RedisStores stores = stores(GOOD, GOOD_TLS_PORT, true);
        RedisPendingLoginStore pending = stores.pendingLoginStore(Logins.sealer(clock), RandomValues.secure());

        assertThatCode(() -> {
            stores.replayCache().markUsed("saml-assertion", "_a1", clock.instant().plusSeconds(60));
            pending.take(pending.put(Logins.pending("s1", clock.instant())));
        }).doesNotThrowAnyException();
        assertThat(GOOD.redis().keys("fedauth:replay:*")).hasSize(1);
    }

    @Test
    void rediss_certificateFromAnUntrustedCa_failsWithStoreUnavailable() {
        RedisStores stores = stores(GOOD, GOOD_TLS_PORT, false);

        IdpUnavailableException e = catchThrowableOfType(stores::ping, IdpUnavailableException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
        assertThat(e).hasStackTraceContaining("SSLHandshakeException").hasStackTraceContaining("PKIX path");
    }

    @Test
    void rediss_certificateForAnotherHost_failsWithStoreUnavailable() {
        RedisStores stores = stores(WRONG_NAME, WRONG_NAME_TLS_PORT, true);

        IdpUnavailableException e = catchThrowableOfType(stores::ping, IdpUnavailableException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
        assertThat(e).hasStackTraceContaining("SSLHandshakeException").hasStackTraceContaining("127.0.0.1")
                .hasStackTraceContaining("subject alternative names");
    }
}
